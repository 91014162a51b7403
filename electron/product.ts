/** The product name people see (window title, About, AppInfo); also productName in electron-builder.yml. */
export const PRODUCT_NAME = 'League Desk';
