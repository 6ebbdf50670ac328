// Content that arrives after load is analysed: a paragraph the page appends a second
// after loading gets its marks, and the rest of the page keeps its own.
export async function checkLateContent(open, origin) {
  const tab = await open(`${origin}/late.html`);
  const failures = [];
  const marked = await tab.poll(`(() => {
    const late = document.getElementById('late');
    if (!late) return false;
    const h = CSS.highlights.get('newslens-hedge');
    return !!h && [...h].some((r) => late.contains(r.startContainer));
  })()`, 10000);
  if (!marked) failures.push('a paragraph added after load was not analysed');
  await tab.close();
  return failures;
}
