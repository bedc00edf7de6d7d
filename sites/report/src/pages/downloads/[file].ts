/** `downloads/<file>`: the Result as JSON, long and wide CSV, XLSX, and the indicator set YAML. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type DownloadFile, downloadFiles } from '../../lib/downloads';

export const getStaticPaths = (() =>
  downloadFiles().map((f) => ({ params: { file: f.name }, props: { f } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const f = (props as { f: DownloadFile }).f;
  return new Response(new Uint8Array(f.bytes()), { headers: { 'Content-Type': f.type } });
};
