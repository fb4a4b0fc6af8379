/** Which service this process is, for health answers, logs and Kafka client ids. */
export interface ServiceIdentity {
  readonly name: string;
}
export const SERVICE_IDENTITY = Symbol('SERVICE_IDENTITY');
