import { UsersRound } from 'lucide-react';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Card } from '../../components/ui/card';

/** PLACEHOLDER: the group list and the "New approver group" form come next. */
export function ApproverGroupsPage() {
  return (
    <>
      <PageHeader
        title="Approver groups"
        description="The people who sign off on work, grouped by what they approve."
      />
      <Card>
        <EmptyState icon={UsersRound} title="No approver groups yet">
          When a group is created, it appears here and each of its members is notified.
        </EmptyState>
      </Card>
    </>
  );
}
