/**
 * The text a person would read in a rendered document: tags and styles
 * dropped, the entities React writes decoded, white space collapsed.
 */
export function readableText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&lt;|&#60;/g, '<')
    .replace(/&gt;|&#62;/g, '>')
    .replace(/&amp;|&#38;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
