import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SourceView } from '../../app/reporting/source-view';
import { trimQuote } from '../../app/reporting/text-offsets';
import { renderWithProviders, stubApi } from './render';
import { apiError, bukeleMatch, fakeCanvas, recordBodies, rubioMatch, selectWords, source, TEXT, written } from './reporting-fixtures';

type Reply = { status?: number; body: unknown };

function setup(claims: Reply[] = [{ status: 201, body: written }]) {
  let call = 0;
  stubApi({
    [`/api/sources/${encodeURIComponent(source.source.id)}`]: { body: source },
    '/api/schema': { body: { labels: [], relationshipTypes: [{ type: 'TOLD', count: 3, propertyKeys: [] }, { type: 'AGREED_TO', count: 9, propertyKeys: [] }], propertyKeys: [] } },
    '/api/entities/match': (url) => ({ body: /rub/i.test(url.searchParams.get('name') ?? '') ? rubioMatch : bukeleMatch }),
    '/api/claims': () => claims[Math.min(call++, claims.length - 1)]!,
    [`/api/nodes/${encodeURIComponent('person:marco-rubio')}`]: { body: { node: rubio, evidence: [], degree: [] } },
  });
  const bodies = recordBodies();
  const canvas = fakeCanvas();
  const { container } = renderWithProviders(<SourceView sourceId={source.source.id} canvas={canvas} canWrite onBack={() => {}} onDetails={() => {}} />);
  return { bodies, canvas, container };
}

async function selectQuote(container: HTMLElement, words: string) {
  await screen.findByText(/Select a sentence/);
  const text = container.querySelector<HTMLElement>('.reader-text')!;
  selectWords(text, words);
  fireEvent.mouseUp(text);
  return screen.findByRole('form', { name: 'Claim from the quote' });
}

async function fillRelationship(form: HTMLElement) {
  const user = userEvent.setup();
  await user.type(within(form).getByLabelText('Subject'), 'Rubio');
  await user.click(await within(form).findByRole('button', { name: /Marco Rubio Person/ }));
  await user.type(within(form).getByLabelText('Relationship'), 'spoke with');
  await user.type(within(form).getByLabelText('Object'), 'Nayib Bukélé');
  await user.click(await within(form).findByRole('button', { name: 'Create new Person “Nayib Bukélé”' }));
  await user.type(within(form).getByLabelText('Who says it'), 'officials told the Post');
  await user.click(within(form).getByRole('radio', { name: /Unnamed source/ }));
  return user;
}

// As the server words it: the message lists names and reasons, each detail names one existing entity by id.
const DUPLICATE = apiError(409, 'conflict', 'body.object.new: "Nayib Bukélé" may be an existing Person: Nayib Bukele (person:nayib-bukele, 0.9: same name without accents). Use its id, or send allowDuplicates: true to create a new one', [
  { where: 'body.object.new', message: 'person:nayib-bukele' },
]);

const rubio = { id: 'person:marco-rubio', labels: ['Entity', 'Person'], properties: { name: 'Marco Rubio', position: 'Secretary of State' } };

const describedBy = (element: HTMLElement) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent;

describe('claim form', () => {
  it('takes the quote and its UTF-16 offsets from a selection after accents and an emoji, across a highlighted mention', async () => {
    const { container } = setup();
    const form = await selectQuote(container, 'Rubio spoke with Nayib Bukele');
    const start = TEXT.indexOf('Rubio spoke with');
    expect(TEXT.slice(0, start)).toMatch(/é.*🎉/s);
    expect(within(form).getByLabelText('Quote').textContent).toBe('“Rubio spoke with Nayib Bukele”');
    expect(within(form).getByText(`characters ${start}–${start + 'Rubio spoke with Nayib Bukele'.length}`)).toBeTruthy();
  });

  it('leaves white space at the ends of a selection out of the quote', () => {
    expect(trimQuote(' 🎉 ab ', 0, 7)).toEqual({ quote: '🎉 ab', start: 1, end: 6 });
    expect(trimQuote('   ', 0, 3)).toBeNull();
  });

  it('sends a relationship with a new entity, resends with allowDuplicates after "create anyway", and puts the result on the canvas', async () => {
    const { container, bodies, canvas } = setup([DUPLICATE, { status: 201, body: written }]);
    const form = await selectQuote(container, 'Marco Rubio spoke with Nayib Bukele');
    const user = await fillRelationship(form);
    expect(within(form).getByText(/Reads: Marco Rubio/).textContent).toContain('spoke with');
    await user.click(within(form).getByRole('button', { name: 'Add claim' }));

    const duplicates = await within(form).findByRole('alert', { name: 'Possible duplicates' });
    expect(within(duplicates).getByText('The new object “Nayib Bukélé” may already be in the graph:')).toBeTruthy();
    expect(await within(duplicates).findByRole('button', { name: 'Use Nayib Bukele (Person)' })).toBeTruthy();
    await user.click(within(duplicates).getByRole('button', { name: 'Create anyway' }));

    expect(await screen.findByRole('status')).toHaveProperty('textContent', expect.stringContaining('Marco Rubio spoke with Nayib Bukélé'));
    const sent = bodies.filter((b) => b.path === '/api/claims').map((b) => b.body as Record<string, unknown>);
    expect(sent).toHaveLength(2);
    const start = TEXT.indexOf('Marco Rubio spoke');
    expect(sent[0]).toMatchObject({ sourceId: source.source.id, version: 1, quote: 'Marco Rubio spoke with Nayib Bukele', start, end: start + 35, type: 'SPOKE_WITH', subject: 'person:marco-rubio', object: { new: { kind: 'Person', name: 'Nayib Bukélé' } }, attribution: 'officials told the Post', confidence: 'anonymous-source', allowDuplicates: false });
    expect(sent[1]).toMatchObject({ allowDuplicates: true });
    expect(canvas.controller.add).toHaveBeenCalledWith(written.graph);
    expect(canvas.controller.redraw).toHaveBeenCalledWith(written.graph);
    // The source stays open for the next claim, keeping who says it.
    await selectQuote(container, 'on March 13');
    expect(screen.getByLabelText<HTMLInputElement>('Who says it').value).toBe('officials told the Post');
  });

  it('uses the existing entity picked among the duplicates instead of creating one', async () => {
    const { container, bodies } = setup([DUPLICATE, { status: 201, body: written }]);
    const form = await selectQuote(container, 'Marco Rubio spoke with Nayib Bukele');
    const user = await fillRelationship(form);
    await user.click(within(form).getByRole('button', { name: 'Add claim' }));
    await user.click(await within(form).findByRole('button', { name: 'Use Nayib Bukele (Person)' }));
    expect(within(form).getByRole('group', { name: 'Object' }).textContent).toContain('Nayib Bukele');
    await user.click(within(form).getByRole('button', { name: 'Add claim' }));
    await screen.findByRole('status');
    expect(bodies.filter((b) => b.path === '/api/claims').at(-1)?.body).toMatchObject({ object: 'person:nayib-bukele', allowDuplicates: false });
  });

  it('shows the server errors next to the fields they name and loses nothing typed', async () => {
    const { container } = setup([apiError(400, 'bad_request', 'Invalid request', [{ where: 'body.attribution', message: 'must not be empty' }, { where: 'body.type', message: 'must be UPPER_SNAKE_CASE, e.g. AGREED_TO' }, { where: 'body.quote', message: 'is not in the source at 50–60' }])]);
    const form = await selectQuote(container, 'Marco Rubio spoke with Nayib Bukele');
    const user = await fillRelationship(form);
    await user.click(within(form).getByRole('button', { name: 'Add claim' }));

    const attribution = await within(form).findByLabelText<HTMLInputElement>('Who says it');
    await within(form).findByText('must not be empty');
    expect(describedBy(attribution)).toBe('must not be empty');
    expect(attribution.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(within(form).getByLabelText('Relationship'))).toBe('must be UPPER_SNAKE_CASE, e.g. AGREED_TO');
    expect(within(form).getByText('is not in the source at 50–60')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toBe('Not added: see the fields marked above.');
    // Nothing typed is lost.
    expect(attribution.value).toBe('officials told the Post');
    expect(within(form).getByLabelText<HTMLInputElement>('Relationship').value).toBe('spoke with');
    expect(within(form).getByRole('group', { name: 'Subject' }).textContent).toContain('Marco Rubio');
    expect(within(form).getByRole('group', { name: 'Object' }).textContent).toContain('new Person');
    expect(within(form).getByRole<HTMLInputElement>('radio', { name: /Unnamed source/ }).checked).toBe(true);
  });

  it('shows other conflicts next to their field, not as duplicates', async () => {
    const { container } = setup([apiError(409, 'conflict', 'body.quote: this quote was retracted (wrong); revert the retraction to use it again', [{ where: 'body.quote', message: 'this quote was retracted (wrong); revert the retraction to use it again' }])]);
    const form = await selectQuote(container, 'Marco Rubio spoke with Nayib Bukele');
    const user = await fillRelationship(form);
    await user.click(within(form).getByRole('button', { name: 'Add claim' }));
    expect(await within(form).findByText('this quote was retracted (wrong); revert the retraction to use it again')).toBeTruthy();
    expect(within(form).queryByRole('alert', { name: 'Possible duplicates' })).toBeNull();
    expect(within(form).queryByRole('button', { name: 'Create anyway' })).toBeNull();
  });

  it('opens what a quote in use supports, and a mention can fill the subject', async () => {
    const { container, canvas } = setup();
    const user = userEvent.setup();
    await selectQuote(container, 'on March 13');
    document.getSelection()!.removeAllRanges();
    await user.click(screen.getByRole('button', { name: 'Café owners in San Salvador' }));
    const card = screen.getByRole('region', { name: 'Quote in use' });
    expect(within(card).getByText('Café owners located in El Salvador')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Show on canvas' }));
    expect(canvas.controller.add).toHaveBeenCalledWith(source.supports);

    await user.click(screen.getByRole('button', { name: 'Marco Rubio' }));
    await user.click(within(screen.getByRole('region', { name: 'Mention of Marco Rubio' })).getByRole('button', { name: 'Show on canvas' }));
    await vi.waitFor(() => expect(canvas.controller.add).toHaveBeenLastCalledWith({ nodes: [rubio], edges: [] }));
    await user.click(screen.getByRole('button', { name: 'Use as subject' }));
    expect(screen.getByRole('group', { name: 'Subject' }).textContent).toContain('Marco Rubio');
  });
});
