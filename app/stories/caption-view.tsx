import { Fragment, type ReactNode } from 'react';
import { citationsOf, parseCaption, type Block, type Citation, type Inline } from '../../shared/story/caption';
import { CitationFootnote } from './citation-footnote';

/**
 * A caption drawn from its parsed tree as React elements: text stays text (React escapes it), links only carry
 * targets the parser let through, citations become numbered references to the footnotes below.
 */
export function CaptionView({ source, idPrefix }: { source: string; idPrefix: string }) {
  const blocks = parseCaption(source);
  const citations = citationsOf(blocks);
  const number = new Map(citations.map((c, i) => [c.id, i + 1]));
  const inline = (nodes: Inline[]): ReactNode => nodes.map((node, i) => <Fragment key={i}>{renderInline(node, number, idPrefix, inline)}</Fragment>);
  return (
    <div className="caption">
      {blocks.map((block, i) => renderBlock(block, i, inline))}
      {citations.length > 0 && (
        <ol className="footnotes" aria-label="Sources">
          {citations.map((citation: Citation) => (
            <li key={citation.id} id={`${idPrefix}-note-${number.get(citation.id)}`}>
              <CitationFootnote citation={citation} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function renderBlock(block: Block, key: number, inline: (nodes: Inline[]) => ReactNode): ReactNode {
  if (block.type === 'paragraph') return <p key={key}>{inline(block.children)}</p>;
  const items = block.items.map((item, i) => <li key={i}>{inline(item)}</li>);
  return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
}

function renderInline(node: Inline, number: Map<string, number>, idPrefix: string, inline: (nodes: Inline[]) => ReactNode): ReactNode {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'code':
      return <code>{node.text}</code>;
    case 'em':
      return <em>{inline(node.children)}</em>;
    case 'strong':
      return <strong>{inline(node.children)}</strong>;
    case 'link':
      return (
        <a href={node.href} target="_blank" rel="noopener noreferrer">
          {inline(node.children)}
        </a>
      );
    case 'cite': {
      const n = number.get(node.citation.id);
      return (
        <sup className="footnote-ref">
          <a href={`#${idPrefix}-note-${n}`} aria-label={`source ${n}`}>
            [{n}]
          </a>
        </sup>
      );
    }
  }
}
