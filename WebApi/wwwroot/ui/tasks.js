// The task list: filter by status and account, page through, open a task.
import { api, fill, h, pill, query, relative, table, time } from './lib.js';

const pageSize = 25;

/** A schedule in a few words, for lists (a task, or a flow's schedule: the same fields). */
export function scheduleShort(t) {
  switch (t.schedule_mode) {
    case 'interval': return `every ${t.interval} s`;
    case 'cron': return `cron ${t.cron}`;
    case 'daily': return `daily ${t.at.join(', ')}`;
    default: return `once ${time(t.run_at)}`;
  }
}

export function tasks(view, { params, navigate }) {
  const page = Number(params.page ?? 1);
  const status = h('select', { name: 'status', id: 'filter-status' },
    ['', 'pending', 'running', 'paused', 'completed', 'error'].map((s) => h('option', { value: s, selected: s === (params.status ?? '') }, s || 'any status')));
  const account = h('input', { name: 'account', id: 'filter-account', placeholder: 'account id', value: params.account ?? '' });
  const list = h('div', { id: 'task-list' });
  const pager = h('div', { class: 'pager' });
  const apply = (event) => {
    event?.preventDefault();
    navigate('#/tasks' + query({ status: status.value, account: account.value.trim() }));
  };
  status.addEventListener('change', apply);
  fill(view,
    h('h1', {}, 'Tasks'),
    h('form', { class: 'filters', onsubmit: apply }, h('label', {}, 'Status ', status), h('label', {}, 'Account ', account),
      h('button', { type: 'submit' }, 'Search'), params.status || params.account ? h('a', { href: '#/tasks' }, 'clear') : null),
    h('section', { class: 'card' }, list, pager));

  return {
    async update() {
      const result = await api('/api/v1/tasks' + query({ status: params.status, account_id: params.account, limit: pageSize, offset: (page - 1) * pageSize }));
      fill(list, table(['Task', 'Account', 'Executor', 'Schedule', 'Status', 'Rounds', 'Last run', 'Next run'],
        result.tasks.map((t) => ({
          dataset: { taskId: t.task_id },
          onclick: () => navigate(`#/task/${t.task_id}`),
          cells: [h('a', { href: `#/task/${t.task_id}` }, t.name || t.task_id.slice(0, 8)), t.account_id, t.executor, scheduleShort(t), pill(t.status),
            h('span', { class: 'rounds' }, t.round_num), t.last_run ? [pill(t.last_run.outcome), ' ', relative(t.last_run.finished_at ?? t.last_run.started_at)] : '—',
            t.next_execution_time ? relative(t.next_execution_time) : '—'],
        })), params.status || params.account ? 'No task matches.' : 'No tasks yet. Create one with "New task".'));
      const last = Math.max(1, Math.ceil(result.total / pageSize));
      const go = (p) => navigate('#/tasks' + query({ status: params.status, account: params.account, page: p }));
      fill(pager,
        h('button', { disabled: page <= 1, onclick: () => go(page - 1) }, '‹ Previous'),
        h('span', {}, `page ${page} of ${last} · ${result.total} task${result.total === 1 ? '' : 's'}`),
        h('button', { disabled: page >= last, onclick: () => go(page + 1) }, 'Next ›'));
    },
  };
}
