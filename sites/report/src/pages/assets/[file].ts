/** `assets/<logo>`: the publisher's logo, copied from the bundle. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { bundleFile, loadReport } from '../../lib/load';

export const getStaticPaths = (() => {
  const { manifest } = loadReport();
  return manifest.logo ? [{ params: { file: manifest.logo } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => new Response(new Uint8Array(bundleFile(String(params.file))));
