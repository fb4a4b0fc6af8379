import { Nullable, Type } from '../use-case/schema';

/** An OPD and, where it applies, a service unit. */
export const WorkUnitSchema = Type.Object({
  opd: Type.String({ example: 'DINKES' }),
  serviceUnit: Type.Optional(Nullable(Type.String({ example: 'PUSKESMAS-GULAI-BANCAH' }))),
});
