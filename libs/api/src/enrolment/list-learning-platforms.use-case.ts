import { DateOnly, defineUseCase, Items, Nullable, StringEnum, Type } from '../use-case';

export const LearningPlatformSchema = Type.Object(
  {
    clientId: Type.String({ example: 'moodle-bkpsdm' }),
    name: Type.String({ example: 'Moodle BKPSDM Bukittinggi' }),
    actorHomePage: Type.String({ example: 'https://elearning.bukittinggikota.go.id' }),
    activities: Type.Array(
      Type.Object({ activityId: Type.String(), programmeId: Type.String(), moduleId: Type.String() }),
    ),
    revision: Type.Integer(),
    status: StringEnum(['registered', 'retired']),
    registeredOn: DateOnly({ description: 'The city date of the current registration' }),
    retiredOn: Nullable(DateOnly()),
  },
  { title: 'LearningPlatform' },
);

export const listLearningPlatforms = defineUseCase({
  name: 'listLearningPlatforms',
  service: 'enrolment',
  method: 'GET',
  path: '/learning-platforms',
  tag: 'learning-platforms',
  summary: 'The learning platforms registered (and retired), with the activities each maps to programme modules',
  params: {},
  response: Type.Object({ items: Items(LearningPlatformSchema) }, { title: 'LearningPlatforms' }),
  access: { roles: ['training-officer'] },
  problems: [],
});
