/** `assets/theme.css`: the config's colours and each tier's colour, as a stylesheet (no inline styles). */
import type { APIRoute } from 'astro';
import { loadReport } from '../../lib/load';
import { themeCss } from '../../lib/theme';

export const GET: APIRoute = () => {
  const { model } = loadReport();
  return new Response(themeCss(model), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
