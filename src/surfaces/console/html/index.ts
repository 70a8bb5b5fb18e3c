export { renderConsoleForm } from './console-form.js';
export { readConsoleFormValues } from './console-form-values.js';
export { type ConsoleRenderContext, renderConsoleMessage } from './console-message.js';
export { escapeHtml } from './html-escape.js';
