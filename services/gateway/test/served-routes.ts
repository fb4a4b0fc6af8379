import type { INestApplication } from '@nestjs/common';

export interface ServedRoute {
  method: string;
  path: string;
}

/** Every route the running app serves under /api/v1, read from Express's router (not from our own lists). */
export function servedRoutes(app: INestApplication): ServedRoute[] {
  const express = app.getHttpAdapter().getInstance() as {
    router?: { stack: unknown[] };
    _router?: { stack: unknown[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes: ServedRoute[] = [];
  for (const layer of stack as { route?: { path: string; methods: Record<string, boolean> } }[]) {
    if (!layer.route || !layer.route.path.startsWith('/api/v1')) continue;
    for (const [method, on] of Object.entries(layer.route.methods))
      if (on && method !== '_all') routes.push({ method: method.toUpperCase(), path: layer.route.path });
  }
  return routes;
}

/** `/api/v1/staff/:nip` → `/api/v1/staff/{nip}` (OpenAPI's spelling). */
export const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
