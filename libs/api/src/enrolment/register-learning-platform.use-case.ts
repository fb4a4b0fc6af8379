import { ApiProperty } from '@nestjs/swagger';
import { Type as Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, IsUrl, Length, Matches, ValidateNested } from 'class-validator';
import { PROGRAMME_ID } from '../budget/codes';
import { CommandAcceptedSchema, defineUseCase, Type } from '../use-case';

/** A Keycloak client id (letters, digits and ._:-), as the token's `azp` / `client_id` claim carries it. */
export const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** A platform maps its courses' activities; a city's catalogue of self-paced programmes is not bigger. */
export const MAX_PLATFORM_ACTIVITIES = 500;

export class LearningPlatformActivityDto {
  @ApiProperty({
    example: 'https://elearning.bukittinggikota.go.id/mod/scorm/view.php?id=42',
    description: 'The xAPI activity id (an IRI) the platform puts in its statements’ object.id',
  })
  @IsString()
  @Length(1, 2000)
  @Matches(/^[a-z][a-z0-9+.-]*:[^\s]+$/i, { message: 'activityId must be an IRI (a scheme, then no spaces)' })
  activityId: string;
  @ApiProperty({ example: 'kom-efektif-2026', description: 'A self-paced programme' })
  @Matches(PROGRAMME_ID, { message: 'programmeId must be 3–64 lowercase letters, digits or dashes' })
  programmeId: string;
  @ApiProperty({ example: 'm1', description: 'One of the programme’s completion-rule modules' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'moduleId must be a module id such as m1' })
  moduleId: string;
}

export class RegisterLearningPlatformRequest {
  @ApiProperty({
    example: 'moodle-bkpsdm',
    description:
      'The OAuth client id the city’s identity provider issued the platform (client-credentials tokens carry it as azp / client_id)',
  })
  @Matches(CLIENT_ID, { message: 'clientId must be 1–128 letters, digits or ._:-' })
  clientId: string;
  @ApiProperty({ example: 'Moodle BKPSDM Bukittinggi' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({
    example: 'https://elearning.bukittinggikota.go.id',
    description: 'The xAPI account homePage of the platform’s learners; the account name is the NIP',
  })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    {
      message: 'actorHomePage must be an http(s) URL',
    },
  )
  actorHomePage: string;
  @ApiProperty({ type: [LearningPlatformActivityDto], description: 'Each activity id once' })
  @IsArray()
  @ArrayMaxSize(MAX_PLATFORM_ACTIVITIES)
  @ValidateNested({ each: true })
  @Transform(() => LearningPlatformActivityDto)
  activities: LearningPlatformActivityDto[];
}

export const LearningPlatformAcceptedSchema = Type.Composite(
  [CommandAcceptedSchema, Type.Object({ revision: Type.Integer({ description: 'The registration’s revision' }) })],
  { title: 'LearningPlatformAccepted' },
);

export const registerLearningPlatform = defineUseCase({
  name: 'registerLearningPlatform',
  service: 'enrolment',
  method: 'POST',
  path: '/learning-platforms',
  tag: 'learning-platforms',
  summary:
    'Register a learning platform (Moodle, an LRS) by its OAuth client id, with its learners’ xAPI account homePage and the xAPI activities it reports on, each mapped to a self-paced programme’s module. Registering again replaces the mapping (next revision); the same registration again appends nothing (200). 400 names an unknown programme or module (`activities[i].programmeId` / `.moduleId`) or a repeated activity; 409 for a retired client id.',
  params: {},
  body: RegisterLearningPlatformRequest,
  response: LearningPlatformAcceptedSchema,
  alsoOk: 'The same registration as the current one (appends nothing)',
  access: { roles: [] },
  problems: [400, 409],
});
