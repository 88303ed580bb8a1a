import packageJson from '../../../package.json' with { type: 'json' };

/** The version `integ --version` and SARIF output state: the package's, which the extension ships under too. */
export const TOOL_VERSION: string = packageJson.version;
