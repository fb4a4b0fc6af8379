import 'reflect-metadata';
import { ServiceConfig } from '@kompeten/config';
import { bootstrapService } from '@kompeten/platform';
import { AssessmentModule } from './assessment.module';

void bootstrapService('assessment', ServiceConfig, (config) => AssessmentModule.register(config));
