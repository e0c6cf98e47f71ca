import { downloadPaths, downloadRoute } from '../../../../lib/chartDownloads.ts';

export const getStaticPaths = downloadPaths;
export const GET = downloadRoute('en', 'data.json');
