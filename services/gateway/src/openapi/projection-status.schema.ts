import { Type } from '@kompeten/api';

// What a service's /admin/projections answers (libs/platform ProjectionsController), documented here
// because the operators reach it through the gateway's admin routes (routes/projections.routes.ts).

export const ProjectionStatusSchema = Type.Object({
  name: Type.String({ example: 'enrolment_history' }),
  tableName: Type.Optional(Type.String({ description: 'The live table the read model is in' })),
  position: Type.Integer({ description: 'The last event position the read model has applied' }),
  headPosition: Type.Integer({ description: 'The last position in the service’s log' }),
  lastError: Type.Optional(Type.String({ description: 'Why the last attempt to apply an event failed' })),
});

export const ProjectionStatusListSchema = Type.Array(ProjectionStatusSchema);
