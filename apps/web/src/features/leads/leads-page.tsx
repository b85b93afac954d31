import { Briefcase } from 'lucide-react';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { Card } from '../../components/ui/card';

/** PLACEHOLDER: the lead list, "New lead" form and assignment to sales staff come next. */
export function LeadsPage() {
  return (
    <>
      <PageHeader title="Leads" description="Prospects and the sales staff following them up." />
      <Card>
        <EmptyState icon={Briefcase} title="No leads yet">
          Leads will show up here with their company and value. Managers assign each lead to someone
          in sales, who gets notified right away.
        </EmptyState>
      </Card>
    </>
  );
}
