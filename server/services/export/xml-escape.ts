/** XML text and attribute escaping for the GraphML and GEXF writers (and the HTML page). */
import { escapeHtml } from '../../../shared/story/caption-html.js';

/**
 * Characters XML 1.0 cannot hold at all (C0 controls other than tab, newline and carriage return; lone
 * surrogates; U+FFFE/U+FFFF) become U+FFFD. Carriage returns and tabs are written as character references
 * so attribute-value normalisation keeps them.
 */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** HTML's escaping, plus what XML cannot hold or would normalise away. */
export function escapeXml(value: string): string {
  return escapeHtml(value.replace(INVALID, '\uFFFD'))
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}

/** `name="value"` pairs, escaped; undefined values are left out. */
export function xmlAttributes(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}
