import { UnknownSchemaVersionError } from '../store/errors';
import { UpcasterRegistry } from './upcasters';

// A frozen v1 payload, exactly as an old release stored it. Never edit this constant.
const FROZEN_V1 = Object.freeze({ nip: '198609262015051001', nama: 'Siti Rahmah', unit: 'PUSKESMAS-GULAI-BANCAH' });

const registry = new UpcasterRegistry({ StaffRegistered: 3 }, [
  { type: 'StaffRegistered', fromVersion: 1, upcast: ({ nama, ...rest }) => ({ ...rest, name: nama }) },
  {
    type: 'StaffRegistered',
    fromVersion: 2,
    upcast: ({ unit, ...rest }) => ({ ...rest, workUnit: { opd: 'DINKES', serviceUnit: unit } }),
  },
]);

describe('upcasting on read', () => {
  it('brings a frozen v1 event to the current version step by step', () => {
    expect(registry.upcast('StaffRegistered', 1, FROZEN_V1)).toEqual({
      schemaVersion: 3,
      data: {
        nip: '198609262015051001',
        name: 'Siti Rahmah',
        workUnit: { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' },
      },
    });
  });

  it('leaves a current event as it is', () => {
    const data = { nip: '1', name: 'x', workUnit: { opd: 'BPBD' } };
    expect(registry.upcast('StaffRegistered', 3, data)).toEqual({ schemaVersion: 3, data });
  });

  it('refuses a version from the future rather than guessing', () => {
    expect(() => registry.upcast('StaffRegistered', 4, {})).toThrow(UnknownSchemaVersionError);
  });

  it('refuses an old version with no path to the current one', () => {
    const gap = new UpcasterRegistry({ ProgrammePublished: 3 }, [
      { type: 'ProgrammePublished', fromVersion: 2, upcast: (d) => d },
    ]);
    expect(() => gap.upcast('ProgrammePublished', 1, {})).toThrow(/no upcaster for ProgrammePublished v1/);
  });

  it('treats unregistered types as version 1', () => {
    expect(registry.upcast('SessionAttended', 1, { a: 1 })).toEqual({ schemaVersion: 1, data: { a: 1 } });
  });
});
