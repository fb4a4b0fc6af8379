import './instrument';
import 'reflect-metadata';
import { ServiceConfig } from '@kompeten/config';
import { bootstrapService } from '@kompeten/platform';
import { EnrolmentModule } from './enrolment.module';

void bootstrapService('enrolment', ServiceConfig, (config) => EnrolmentModule.register(config));
