import { useEffect, useRef, useState } from 'react';
import type { DatedItem } from '../graph/canvas-summary';
import { dayScale, fromDay, shortDate, toDay } from './scale';

interface Props {
  items: DatedItem[];
  range: [string, string] | null;
  onRange: (range: [string, string] | null) => void;
  onPick: (id: string) => void;
}

const HEIGHT = 70;
/** Items drawn per day before the rest are counted ("+4"). */
const STACK = 3;

/** The dated events and relationships in view, on a line; dragging across it filters the canvas to those days. */
export function TimelineStrip({ items, range, onRange, onPick }: Props) {
  const section = useRef<HTMLElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(800);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);

  // The strip is always there, at one height (CSS), so the canvas above it keeps its size as items come and go.
  useEffect(() => {
    const element = section.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width || 800));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  if (items.length === 0) {
    return (
      <section ref={section} className="timeline timeline-empty" aria-label="Timeline">
        No dated events or relationships on the canvas.
      </section>
    );
  }
  const scale = dayScale(items.map((i) => i.date), width);
  const localX = (clientX: number) => clientX - (svg.current?.getBoundingClientRect().left ?? 0);
  const byDay = new Map<number, DatedItem[]>();
  for (const item of items) byDay.set(toDay(item.date), [...(byDay.get(toDay(item.date)) ?? []), item]);
  const brush = drag ? [Math.min(drag.start, drag.end), Math.max(drag.start, drag.end)] : range ? [scale.x(toDay(range[0]) - 0.5), scale.x(toDay(range[1]) + 0.5)] : null;

  return (
    <section ref={section} className="timeline" aria-label="Timeline">
      <header>
        <span>Timeline · drag across days to filter the canvas</span>
        {range && (
          <span className="timeline-range">
            {shortDate(range[0])} – {shortDate(range[1])}
            <button type="button" onClick={() => onRange(null)}>
              Clear dates
            </button>
          </span>
        )}
      </header>
      <svg
        ref={svg}
        width="100%"
        height={HEIGHT}
        role="group"
        aria-label="Dated items"
        onPointerDown={(e) => {
          if ((e.target as Element).closest('[data-item]')) return;
          (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
          setDrag({ start: localX(e.clientX), end: localX(e.clientX) });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, end: localX(e.clientX) })}
        onPointerUp={() => {
          if (!drag) return;
          const [a, b] = [scale.day(Math.min(drag.start, drag.end)), scale.day(Math.max(drag.start, drag.end))];
          setDrag(null);
          onRange(Math.abs(drag.end - drag.start) < 4 ? null : [fromDay(a), fromDay(b)]);
        }}
      >
        <line x1={scale.x(scale.from)} x2={scale.x(scale.to)} y1={40} y2={40} className="timeline-axis" />
        {brush && <rect x={brush[0]} y={4} width={Math.max(brush[1]! - brush[0]!, 1)} height={HEIGHT - 8} className="timeline-brush" />}
        {[...byDay.entries()].map(([day, dayItems]) => (
          <g key={day}>
            {dayItems.slice(0, STACK).map((item, i) => (
              <g key={item.id} data-item={item.id} transform={`translate(${scale.x(day)}, ${40 - (i + 1) * 10})`} onClick={() => onPick(item.id)} className="timeline-item">
                <title>{`${item.date}: ${item.label}`}</title>
                {item.group === 'nodes' ? <circle r={4} /> : <rect x={-3.5} y={-3.5} width={7} height={7} transform="rotate(45)" />}
              </g>
            ))}
            {dayItems.length > STACK && (
              <text x={scale.x(day) + 8} y={14} className="timeline-more">
                +{dayItems.length - STACK}
              </text>
            )}
            <text x={scale.x(day)} y={56} textAnchor="middle" className="timeline-tick">
              {shortDate(fromDay(day))}
            </text>
          </g>
        ))}
      </svg>
    </section>
  );
}
