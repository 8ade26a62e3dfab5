// One task: its schedule in words and next runs, its settings, the actions, and its run history.
import { api, card, duration, fill, h, pill, query, relative, table, time, toast } from './lib.js';

const runsPerPage = 20;

export function task(view, { id, params, navigate }) {
  const runsPage = Number(params.runs_page ?? 1);
  const title = h('h1', { id: 'task-title' }, 'Task');
  const actions = h('div', { class: 'actions', id: 'task-actions' });
  const summary = h('div', { id: 'task-summary' });
  const schedule = h('div', { id: 'task-schedule' });
  const settings = h('div', { id: 'task-settings' });
  const history = h('div', { id: 'run-history' });
  const pager = h('div', { class: 'pager' });
  const open = new Set(); // run rows whose output is unfolded, kept across refreshes
  let shown = null;

  async function command(path, body, done) {
    try {
      const result = await api(`/api/v1/tasks/${id}/${path}`, { method: 'POST', body });
      toast(done(result));
      await page.update();
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  const reorderSeconds = h('input', { type: 'number', id: 'reorder-seconds', value: '-60', step: '1', title: 'seconds; negative runs earlier' });
  function buttons(t) {
    const active = t.status === 'pending' || t.status === 'running';
    return [
      active ? h('button', { id: 'pause', onclick: () => command('pause', undefined, () => 'Paused: no run starts until you resume.') }, 'Pause')
        : h('button', { id: 'resume', disabled: t.status === 'completed', onclick: () => command('resume', undefined, () => 'Resumed.') }, 'Resume'),
      h('button', { id: 'run-now', onclick: () => command('run', undefined, () => 'A run starts now.') }, 'Run now'),
      h('span', { class: 'inline' }, h('button', { id: 'reorder', disabled: !active,
        onclick: () => command('reorder', { priority_offset: Number(reorderSeconds.value) }, (r) => `Next run moved to ${time(r.new_next_execution_time)}.`) }, 'Move next run by'),
        reorderSeconds, ' s'),
      h('button', { id: 'delete', class: 'danger', onclick: async () => {
        if (!confirm(`Delete task ${t.name || t.task_id}? Its schedule stops; its run history stays readable.`)) return;
        try {
          await api(`/api/v1/tasks/${id}`, { method: 'DELETE' });
          toast('Task deleted.');
          navigate('#/tasks');
        } catch (e) { toast(e.message, 'error'); }
      } }, 'Delete'),
    ];
  }

  function facts(pairs) {
    return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  }

  function runRow(r) {
    const text = r.error ?? r.output;
    const details = text ? h('details', { open: open.has(r.run_id + r.attempt), ontoggle: (e) => e.target.open ? open.add(r.run_id + r.attempt) : open.delete(r.run_id + r.attempt) },
      h('summary', {}, r.error ? (r.outcome === 'skipped' ? 'why' : 'error') : 'output'), h('pre', {}, text)) : '—';
    return { dataset: { round: r.round }, cells: [r.round, r.attempt, r.trigger.replaceAll('_', ' '), pill(r.outcome), time(r.scheduled_at), time(r.started_at),
      duration(r.started_at, r.finished_at), r.silo ?? '—', details] };
  }

  fill(view, h('p', { class: 'crumbs' }, h('a', { href: '#/tasks' }, 'Tasks'), ' / ', id), title, actions,
    h('div', { class: 'grid two' }, card('Summary', summary), card('Schedule', schedule)),
    card('Run history', history, pager), card('Settings', settings));

  const page = {
    async update() {
      const [t, preview, runs] = await Promise.all([
        api(`/api/v1/tasks/${id}`), api(`/api/v1/tasks/${id}/schedule?count=5`),
        api(`/api/v1/tasks/${id}/runs` + query({ limit: runsPerPage, offset: (runsPage - 1) * runsPerPage }))]);
      fill(title, t.name || t.task_id, ' ', pill(t.status));
      if (shown !== t.status) { fill(actions, buttons(t)); shown = t.status; }
      fill(summary, facts([
        ['Account', `${t.account_id}${t.account_name && t.account_name !== t.account_id ? ` (${t.account_name})` : ''}`],
        ['Type', `${t.task_type}${t.sys_type ? ` on ${t.sys_type}` : ''}`],
        ['Executor', t.executor], ['Priority', t.priority],
        ['Rounds', h('span', { id: 'round-num' }, t.round_num)],
        ['Last run', t.last_run ? [pill(t.last_run.outcome), ` ${time(t.last_run.finished_at ?? t.last_run.started_at)}`] : 'never'],
        ['Running since', t.running_since ? time(t.running_since) : null],
        ['Failures in a row', `${t.consecutive_failures} of ${t.max_consecutive_failures}`],
        ['Missed runs', t.missed_runs], ['Created', time(t.created_at)], ['Updated', time(t.updated_at)]]));
      fill(schedule, h('p', { class: 'schedule-text', id: 'schedule-text' }, preview.text),
        preview.next_runs.length
          ? h('ol', { class: 'next-runs', id: 'next-runs' }, preview.next_runs.map((r) => h('li', {}, time(r), h('span', { class: 'muted' }, ` ${relative(r)}`))))
          : h('p', { class: 'muted', id: 'next-runs' }, `No next run while the task is ${t.status}.`));
      fill(history, table(['Round', 'Attempt', 'Trigger', 'Outcome', 'Scheduled', 'Started', 'Duration', 'Silo', 'Output'], runs.runs.map(runRow), 'No runs yet.'));
      const last = Math.max(1, Math.ceil(runs.total / runsPerPage));
      const go = (p) => navigate(`#/task/${id}` + query({ runs_page: p }));
      fill(pager, h('button', { disabled: runsPage <= 1, onclick: () => go(runsPage - 1) }, '‹ Newer'),
        h('span', { id: 'run-count' }, `page ${runsPage} of ${last} · ${runs.total} run${runs.total === 1 ? '' : 's'}`),
        h('button', { disabled: runsPage >= last, onclick: () => go(runsPage + 1) }, 'Older ›'));
      fill(settings, facts([
        ['Timeout', `${t.timeout_seconds} s`], ['Retries', t.max_retries], ['Overlap', t.overlap.replaceAll('_', ' ')],
        ['Time zone', t.time_zone], ['Ends', t.task_end_time], ['Queue timeout', t.queue_timeout_seconds ? `${t.queue_timeout_seconds} s` : null],
        ['Agent labels', t.agent?.labels?.join(', ')], ['Agent command', t.agent?.command?.join(' ')],
        ['kwargs', h('pre', {}, JSON.stringify(t.kwargs, null, 2))]]));
    },
  };
  return page;
}
