/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Which input fields were wrong, and why (for 400s). */
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export const PROBLEM_JSON = 'application/problem+json';
export const PROBLEM_BASE = 'https://kompeten.bukittinggi.go.id/problems/';
