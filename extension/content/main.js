// Content script entry: collect the page model, analyse it, render the findings.
'use strict';

(async () => {
  const { collectPage, render } = globalThis.newslensDom;
  try {
    const { page, nodes } = collectPage(document);
    if (!page.blocks.length) return;
    const { analysis } = await globalThis.newslensAnalyzer.analyze(page);
    render(analysis, nodes);
  } catch (error) {
    // Never break the page: report once, quietly, and leave the page as it was.
    console.warn('newslens: analysis failed:', error);
  }
})();
