import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsNip } from '../shared/nip.validator';
import { CommandAcceptedSchema, defineUseCase } from '../use-case';
import { CERTIFICATE_NUMBER_PARAM } from './get-certificate.use-case';

export class ChooseCertificateDisclosureRequest {
  @ApiProperty({ example: '198609262015051001', description: 'The holder (a staff member may send only their own)' })
  @IsNip()
  nip: string;
  @ApiProperty({ example: true, description: 'Whether public verification shows the holder’s name' })
  @IsBoolean()
  showHolderName: boolean;
}

export const chooseCertificateDisclosure = defineUseCase({
  name: 'chooseCertificateDisclosure',
  service: 'enrolment',
  method: 'POST',
  path: '/certificates/:number/disclosure',
  tag: 'certificates',
  summary:
    'The holder chooses whether public verification shows their name (it does not until they choose so). 404 for an unknown number or one that is not theirs',
  params: { number: CERTIFICATE_NUMBER_PARAM },
  body: ChooseCertificateDisclosureRequest,
  response: CommandAcceptedSchema,
  alsoOk: 'The same choice as before (appends nothing)',
  access: { roles: ['staff'], selfBody: 'nip' },
  problems: [400, 404],
});
