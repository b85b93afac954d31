import { ListTodo } from 'lucide-react';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Card } from '../../components/ui/card';

/** PLACEHOLDER: the task list, "New task" form, assignment and reminders come next. */
export function TasksPage() {
  return (
    <>
      <PageHeader title="Tasks" description="Work assigned to you and work you hand out." />
      <Card>
        <EmptyState icon={ListTodo} title="No tasks yet">
          Tasks you create or that are assigned to you will show up here, with their priority,
          assignee, due date and reminders.
        </EmptyState>
      </Card>
    </>
  );
}
