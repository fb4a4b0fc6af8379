import './instrument';
import 'reflect-metadata';
import { bootstrapService } from '@kompeten/platform';
import { BudgetConfig } from './budget.config';
import { BudgetModule } from './budget.module';

void bootstrapService('budget', BudgetConfig, (config) => BudgetModule.register(config));
