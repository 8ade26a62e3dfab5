// The end-to-end tests start real processes and time their guarantees (a task fires again within a
// minute, an API call answers within two seconds during an outage); on two cores, two collections
// at once would measure each other. One collection at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
