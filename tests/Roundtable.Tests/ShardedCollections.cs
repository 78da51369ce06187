using Roundtable.Tests.Infrastructure;
using Xunit.Abstractions;

[assembly: CollectionBehavior("Roundtable.Tests.ShardedCollections", "Roundtable.Tests")]

namespace Roundtable.Tests;

// The app collection in shards that run side by side (see ShardedCollectionFactory).
public sealed class ShardedCollections(ITestAssembly testAssembly, IMessageSink diagnosticMessageSink)
    : ShardedCollectionFactory(testAssembly, diagnosticMessageSink, SharedApp.Name, typeof(SharedApp));
