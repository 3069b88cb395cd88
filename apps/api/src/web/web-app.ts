import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextFunction, Request, Response } from 'express';

/** Paths the api itself answers; everything else of a GET is the web app's. */
const API_PATHS = /^\/(api|docs|docs-json|health|metrics)(\/|$)/;

/**
 * The built web app (`npm run build` puts it in dist/web): found beside the compiled api
 * (dist/apps/…) or, when the api runs from its sources, under the repository's dist/.
 */
export function webAppDirectory(): string | undefined {
  const base = fileURLToPath(new URL('../../../../', import.meta.url));
  return [join(base, 'web'), join(base, 'dist', 'web')].find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * Serves the web app's static files at `/`, and its index.html for any other path outside
 * the api, so the app's own routes (/lan/20/2026-09) survive a reload. Plain Express
 * (res.sendFile) rather than @nestjs/serve-static: that package is CommonJS requiring the
 * ES-module Nest, which cannot load under Jest's native ESM (as with @nestjs/throttler),
 * and a dozen lines need no dependency.
 */
export function webAppMiddleware(directory: string) {
  const root = resolve(directory);
  const index = join(root, 'index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    let file: string;
    try {
      file = resolve(root, `.${decodeURIComponent(req.path)}`);
    } catch {
      return next();
    }
    if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
      // Vite names the built assets by their content hash: they never change under one name.
      const immutable = file.startsWith(join(root, 'assets') + sep);
      return res.sendFile(file, { headers: { 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' } });
    }
    // A missing asset is a 404 (from Nest, as problem+json); a page path is the app's route.
    if (/\.[a-z0-9]+$/i.test(req.path)) return next();
    return res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
  };
}
