"""A finding's life: transitions, reapply approvals, the daily digest's data. Pure."""
