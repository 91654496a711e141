"""Real-time ingestion: CloudTrail's API calls as EventBridge delivers them to one SQS queue.

    envelope.py  an SQS message's body: an EventBridge CloudTrail event, or what it is instead
    queue.py     the SQS calls (long-poll receive, delete, visibility), through AwsAccess
    router.py    which environments an event belongs to (the check's filter, per environment)
    ingest.py    one environment's events into findings: catalog, state, confirmation, store
    consumer.py  the pollers: receive, route, ingest, delete; visibility, failures, the DLQ
    status.py    `drift status realtime`: the counters in Redis and the queues' depths

A message is deleted only after what it changed is stored; one that fails stays on the queue
and, after the queue's `maxReceiveCount` receives, SQS moves it to the dead-letter queue (it is
counted and named on its last try). Events are marked per environment once stored, so a second
delivery changes nothing.
"""
