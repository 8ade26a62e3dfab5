// Create a task: a form whose errors come back from the server, each shown at its field.
import { api, ApiError, fill, h, toast } from './lib.js';

/** A labelled input whose error slot is found by the API field name. */
function field(label, name, input, hint) {
  input.name = input.name || name;
  input.id = `field-${name.replaceAll('.', '-')}`;
  return h('div', { class: 'field', dataset: { field: name } },
    h('label', { for: input.id }, label), input, hint ? h('small', { class: 'muted' }, hint) : null,
    h('p', { class: 'field-error', dataset: { errorFor: name } }));
}

const input = (attrs = {}) => h('input', attrs);
const select = (name, options, value) => h('select', { name }, options.map((o) => h('option', { value: o, selected: o === value }, o)));

export function create(view, { navigate }) {
  const form = h('form', { id: 'create-form', class: 'card form', novalidate: true });
  const general = h('div', { class: 'form-errors', id: 'form-errors', role: 'alert' });
  const executor = select('executor', ['log', 'http', 'agent'], 'log');
  const mode = select('schedule_mode', ['interval', 'cron', 'daily', 'once'], 'interval');
  const groups = {
    interval: field('Every (seconds)', 'interval', input({ type: 'number', value: '60', min: '1' }), 'fixed rate, 1 s to 1 year'),
    cron: field('Cron expression', 'cron', input({ placeholder: '*/5 * * * *' }), '5 fields, or 6 with seconds'),
    daily: field('At (local times)', 'at', input({ placeholder: '09:00, 18:30' }), 'comma-separated HH:mm'),
    once: field('Run at', 'run_at', input({ type: 'datetime-local', step: '1' }), 'your browser\'s local time'),
    http: [field('Webhook URL', 'http.url', input({ type: 'url', placeholder: 'https://example.com/hook' })),
      field('Method', 'http.method', select('http.method', ['POST', 'GET', 'PUT', 'PATCH', 'DELETE'], 'POST'))],
    agent: [field('Agent labels', 'agent.labels', input({ placeholder: 'linux, gpu' }), 'comma-separated; every label must match'),
      field('Command', 'agent.command', input({ placeholder: 'echo hello' }), 'a shell command run by the agent')],
  };
  const show = () => {
    for (const m of ['interval', 'cron', 'daily', 'once']) groups[m].hidden = mode.value !== m;
    for (const e of ['http', 'agent']) for (const g of groups[e]) g.hidden = executor.value !== e;
  };
  mode.addEventListener('change', show);
  executor.addEventListener('change', show);
  show();

  fill(form,
    h('fieldset', {}, h('legend', {}, 'Task'),
      field('Account id', 'account_id', input({ placeholder: 'acct-42', required: true }), 'one active task per account'),
      field('Name', 'name', input({ placeholder: 'nightly report' })),
      field('Task type', 'task_type', input({ placeholder: 'report' })),
      field('Executor', 'executor', executor), groups.http, groups.agent),
    h('fieldset', {}, h('legend', {}, 'Schedule'),
      field('Mode', 'schedule_mode', mode), groups.interval, groups.cron, groups.daily, groups.once,
      field('Window from', 'time_slot.start_time', input({ type: 'time' }), 'runs start only inside the daily window'),
      field('Window to', 'time_slot.end_time', input({ type: 'time' })),
      field('Time zone', 'time_zone', input({ placeholder: 'UTC or Asia/Shanghai' })),
      field('Ends on', 'task_end_time', input({ type: 'date' })),
      field('Run immediately', 'run_immediately', input({ type: 'checkbox' }))),
    h('fieldset', {}, h('legend', {}, 'Execution'),
      field('Timeout (seconds)', 'timeout_seconds', input({ type: 'number', placeholder: '300' })),
      field('Retries', 'max_retries', input({ type: 'number', placeholder: '3' })),
      field('When a run is still going', 'overlap', select('overlap', ['skip', 'queue_one'], 'skip')),
      field('kwargs (JSON)', 'kwargs', h('textarea', { rows: '4', placeholder: '{"user_query": "..."}' }))),
    general,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'create' }, 'Create task'), h('a', { href: '#/tasks' }, 'Cancel')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const e of form.querySelectorAll('.field-error')) e.textContent = '';
    fill(general);
    const body = read(form, mode.value, executor.value);
    if (!body) return;
    try {
      const result = await api('/api/v1/tasks', { method: 'POST', body });
      toast(`Task created: ${result.task_id}`);
      navigate(`#/task/${result.task_id}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const errors = e.problem.errors ?? {};
      const unplaced = [];
      for (const [name, messages] of Object.entries(errors)) {
        const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
        if (slot && !slot.closest('[hidden]')) slot.textContent = messages.join(' ');
        else unplaced.push(`${name}: ${messages.join(' ')}`);
      }
      if (!Object.keys(errors).length) unplaced.push(e.message);
      fill(general, unplaced.map((m) => h('p', {}, m)));
      form.querySelector('.field-error:not(:empty)')?.closest('.field')?.querySelector('input, select, textarea')?.focus();
    }
  });

  fill(view, h('h1', {}, 'New task'), form);
  return { update: async () => {} };
}

/** The request body: only the fields given, numbers as numbers (anything else as typed, for the server to judge). */
function read(form, mode, executor) {
  const value = (name) => form.elements[name]?.value?.trim() ?? '';
  const number = (name) => { const v = value(name); return v === '' ? undefined : /^-?\d+$/.test(v) ? Number(v) : v; };
  const body = {
    account_id: value('account_id') || undefined,
    name: value('name') || undefined,
    task_type: value('task_type') || undefined,
    executor,
    schedule_mode: mode,
    time_zone: value('time_zone') || undefined,
    task_end_time: value('task_end_time') || undefined,
    run_immediately: form.elements.run_immediately.checked || undefined,
    timeout_seconds: number('timeout_seconds'),
    max_retries: number('max_retries'),
    overlap: value('overlap'),
  };
  if (mode === 'interval') body.interval = number('interval');
  if (mode === 'cron') body.cron = value('cron');
  if (mode === 'daily') body.at = value('at').split(',').map((s) => s.trim()).filter(Boolean);
  if (mode === 'once' && value('run_at')) body.run_at = new Date(value('run_at')).toISOString();
  const from = value('time_slot.start_time'), to = value('time_slot.end_time');
  if (from || to) body.time_slot = { start_time: from, end_time: to };
  if (executor === 'http') body.http = { url: value('http.url'), method: value('http.method') };
  if (executor === 'agent') body.agent = { labels: value('agent.labels').split(',').map((s) => s.trim()).filter(Boolean), command: value('agent.command') };
  const kwargs = value('kwargs');
  if (kwargs) {
    try { body.kwargs = JSON.parse(kwargs); } catch {
      form.querySelector('[data-error-for="kwargs"]').textContent = 'kwargs must be a JSON object, e.g. {"user_query": "..."}.';
      return null;
    }
  }
  return body;
}
