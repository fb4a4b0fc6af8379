import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { encodeCursor } from '../shared/page';
import { ListStaffRequest } from './list-staff.use-case';
import { ListProgrammesRequest } from './list-programmes.use-case';

/** The fields a query string is refused for, as the ValidationPipe would see it (strings in, transformed). */
const refused = (cls: new () => object, query: Record<string, string>) =>
  validateSync(plainToInstance(cls, query), { whitelist: true, forbidNonWhitelisted: true }).map((e) => e.property);

describe('the list queries', () => {
  it('take a page of up to 200, never more', () => {
    expect(refused(ListProgrammesRequest, { limit: '200' })).toEqual([]);
    expect(refused(ListProgrammesRequest, { limit: '201' })).toEqual(['limit']);
    expect(refused(ListStaffRequest, { limit: '0' })).toEqual(['limit']);
  });

  it('take a session-date range of up to 400 days, its end naming the fault', () => {
    expect(refused(ListProgrammesRequest, { from: '2026-01-01', to: '2027-02-05' })).toEqual([]); // 400 days
    expect(refused(ListProgrammesRequest, { from: '2026-01-01', to: '2027-02-06' })).toEqual(['to']);
    expect(refused(ListProgrammesRequest, { from: '2026-03-01', to: '2026-02-28' })).toEqual(['to']);
    expect(refused(ListProgrammesRequest, { to: '2030-01-01' })).toEqual([]); // open range
    expect(refused(ListProgrammesRequest, { from: '2026-02-30' })).toEqual(['from']);
  });

  it('take only a cursor of their own list', () => {
    expect(refused(ListProgrammesRequest, { cursor: encodeCursor(['2026-02-02', 'p-1']) })).toEqual([]);
    expect(refused(ListProgrammesRequest, { cursor: encodeCursor(['198001012010011001']) })).toEqual(['cursor']);
    expect(refused(ListStaffRequest, { cursor: 'bm90LWpzb24' })).toEqual(['cursor']);
  });

  it('read booleans as true/false only, and a NIP as a valid NIP', () => {
    expect(refused(ListProgrammesRequest, { open: 'true', hasSeats: 'false' })).toEqual([]);
    expect(refused(ListProgrammesRequest, { open: 'yes' })).toEqual(['open']);
    expect(refused(ListStaffRequest, { belowJpTarget: '1' })).toEqual(['belowJpTarget']);
    expect(refused(ListProgrammesRequest, { eligibleFor: '123' })).toEqual(['eligibleFor']);
  });
});
