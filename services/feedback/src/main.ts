import './instrument';
import 'reflect-metadata';
import { ServiceConfig } from '@kompeten/config';
import { bootstrapService } from '@kompeten/platform';
import { FeedbackModule } from './feedback.module';

void bootstrapService('feedback', ServiceConfig, (config) => FeedbackModule.register(config));
