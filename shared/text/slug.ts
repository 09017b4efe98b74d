/** "Who investigated whom?" → "who-investigated-whom": ASCII, lower case, for ids and file names. */
export function slugify(text: string, fallback: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug || fallback;
}
