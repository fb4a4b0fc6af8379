// The typed client of the gateway: one method per use case declared in @kompeten/api.
export {
  API_PREFIX,
  createKompetenClient,
  type CallOptions,
  type ClientMethod,
  type ClientRequest,
  type KompetenClient,
  type KompetenClientOptions,
  type UseCaseName,
} from './kompeten-client';
export { isKompetenProblem, KompetenProblem, type ProblemDocument } from './kompeten-problem';
export {
  encodeQuery,
  fetchTransport,
  parseBody,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './transport';
