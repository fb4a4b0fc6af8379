export * from './get-correlation-report.request.dto';
export * from './list-survey-responses.request.dto';
export * from './period-query.request.dto';
export * from './register-service-unit.request.dto';
export * from './reject-survey-response.request.dto';
export * from './revise-service-unit.request.dto';
export * from './submit-survey-response.request.dto';
export * from './unit-service.dto';
