import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { formParams, type FormValues } from '../../app/queries/param-values';
import { ParameterForm, type SelectedNode } from '../../app/queries/parameter-form';
import type { QueryParameter } from '../../shared/contract';

const PARAMS: QueryParameter[] = [
  { name: 'name', type: 'string', required: true, help: 'Who to look for' },
  { name: 'limit', type: 'integer', required: false, default: 25, help: '' },
  { name: 'score', type: 'float', required: false, help: '' },
  { name: 'named', type: 'boolean', required: false, help: '' },
  { name: 'from', type: 'date', required: false, help: '' },
  { name: 'sourceId', type: 'nodeId', required: true, help: 'The source node' },
  { name: 'confidence', type: 'stringList', required: false, default: ['fact', 'named-source'], help: '' },
];

/** The form as the run tab holds it: values in state, the last check's problems shown. */
function Harness({ selectedNode = null, onValues }: { selectedNode?: SelectedNode | null; onValues: (v: FormValues) => void }) {
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <>
      <ParameterForm
        parameters={PARAMS}
        values={values}
        errors={errors}
        selectedNode={selectedNode}
        onChange={(v) => {
          setValues(v);
          onValues(v);
        }}
      />
      <button type="button" onClick={() => setErrors(formParams(PARAMS, values).errors)}>
        Check
      </button>
    </>
  );
}

describe('ParameterForm', () => {
  it('draws one typed field per parameter, filled with its default', () => {
    render(<Harness onValues={() => {}} />);
    expect((screen.getByLabelText(/^name\s/) as HTMLInputElement).getAttribute('aria-required')).toBe('true');
    expect((screen.getByLabelText(/^limit/) as HTMLInputElement).value).toBe('25');
    expect(screen.getByLabelText(/^limit/).getAttribute('inputmode')).toBe('numeric');
    expect(screen.getByLabelText(/^score/).getAttribute('inputmode')).toBe('decimal');
    expect(screen.getByLabelText(/^named/).tagName).toBe('SELECT');
    expect(screen.getByLabelText(/^from/).getAttribute('type')).toBe('date');
    expect((screen.getByLabelText(/^confidence/) as HTMLInputElement).value).toBe('fact, named-source');
    expect(screen.getByText('Who to look for')).toBeTruthy();
    expect(screen.getByLabelText(/^sourceId/).getAttribute('aria-describedby')).toBeTruthy();
  });

  it('names the required fields left empty and values of the wrong type', async () => {
    render(<Harness onValues={() => {}} />);
    await userEvent.clear(screen.getByLabelText(/^limit/));
    await userEvent.type(screen.getByLabelText(/^limit/), '2.5');
    await userEvent.type(screen.getByLabelText(/^score/), 'lots');
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByText('name: is required')).toBeTruthy();
    expect(screen.getByText('sourceId: is required')).toBeTruthy();
    expect(screen.getByText(/limit: must be a whole number/)).toBeTruthy();
    expect(screen.getByText(/score: must be a number/)).toBeTruthy();
    expect(screen.getByLabelText(/^limit/).getAttribute('aria-invalid')).toBe('true');
  });

  it('fills a node-id parameter from the node selected on the canvas', async () => {
    let values: FormValues = {};
    const { rerender } = render(<Harness onValues={(v) => (values = v)} />);
    const use = screen.getByRole('button', { name: 'Use selected node for sourceId' });
    expect((use as HTMLButtonElement).disabled).toBe(true);
    rerender(<Harness selectedNode={{ id: 'source:daily-beast', name: 'Little Marco' }} onValues={(v) => (values = v)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Use selected node for sourceId' }));
    expect((screen.getByLabelText(/^sourceId/) as HTMLInputElement).value).toBe('source:daily-beast');
    expect(values.sourceId).toBe('source:daily-beast');
  });

  it('turns the filled form into typed JSON, leaving empty optional fields to their defaults', async () => {
    let values: FormValues = {};
    render(<Harness onValues={(v) => (values = v)} />);
    await userEvent.type(screen.getByLabelText(/^name\s/), 'Rubio');
    await userEvent.type(screen.getByLabelText(/^score/), '0.75');
    await userEvent.selectOptions(screen.getByLabelText(/^named/), 'false');
    fireEvent.change(screen.getByLabelText(/^from/), { target: { value: '2025-03-13' } });
    await userEvent.type(screen.getByLabelText(/^sourceId/), 'source:x');
    await userEvent.clear(screen.getByLabelText(/^confidence/));
    await userEvent.type(screen.getByLabelText(/^confidence/), 'fact, , alleged ');
    expect(formParams(PARAMS, values)).toEqual({
      params: { name: 'Rubio', limit: 25, score: 0.75, named: false, from: '2025-03-13', sourceId: 'source:x', confidence: ['fact', 'alleged'] },
      errors: {},
    });
    await userEvent.clear(screen.getByLabelText(/^limit/));
    expect(formParams(PARAMS, values).params).not.toHaveProperty('limit');
  });

  it('checks dates and node ids as the server would', () => {
    const check = (type: QueryParameter['type'], text: string) => formParams([{ name: 'x', type, required: true, help: '' }], { x: text }).errors.x;
    expect(check('date', '2025-02-30')).toMatch(/YYYY-MM-DD/);
    expect(check('date', '2024-02-29')).toBeUndefined();
    expect(check('nodeId', 'person: rubio')).toMatch(/no spaces/);
    expect(check('boolean', 'maybe')).toMatch(/yes or no/);
    expect(check('integer', '9007199254740993')).toMatch(/whole number/);
    expect(check('string', '  ')).toBe('is required');
  });

  it('says so when a query takes no parameters', () => {
    render(<ParameterForm parameters={[]} values={{}} errors={{}} selectedNode={null} onChange={() => {}} />);
    expect(screen.getByText('This query takes no parameters.')).toBeTruthy();
  });
});
