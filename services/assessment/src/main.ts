import './instrument';
import 'reflect-metadata';
import { bootstrapService } from '@kompeten/platform';
import { AssessmentConfig } from './assessment.config';
import { AssessmentModule } from './assessment.module';

void bootstrapService('assessment', AssessmentConfig, (config) => AssessmentModule.register(config));
