import './instrument';
import 'reflect-metadata';
import { ServiceConfig } from '@kompeten/config';
import { bootstrapService } from '@kompeten/platform';
import { BudgetModule } from './budget.module';

void bootstrapService('budget', ServiceConfig, (config) => BudgetModule.register(config));
