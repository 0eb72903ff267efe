import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

const packageJson = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

export const CONNECTOR_NAME: string = packageJson.name;
export const CONNECTOR_VERSION: string = packageJson.version;
export const USER_AGENT = `${CONNECTOR_NAME}/${CONNECTOR_VERSION}`;
