using Xunit.Abstractions;
using Xunit.Sdk;

namespace Roundtable.Tests.Infrastructure;

// Most test classes share one collection: one app and one database, cleaned before each test, so
// its tests run one at a time and that collection is most of the suite's time while the second core
// waits. This factory deals the shared collection's classes into a few shards, each a collection of
// its own with its own fixture (xunit makes a collection fixture per collection: its own app and
// database), so the shards run side by side with the same isolation as before. Every other class
// keeps xunit's default: a collection per class, or the one it names.
// ROUNDTABLE_TEST_SHARDS sets the number of shards (1 runs the shared collection as one, as before).
public abstract class ShardedCollectionFactory(ITestAssembly testAssembly, IMessageSink diagnosticMessageSink, string sharedName, Type definition)
    : IXunitTestCollectionFactory
{
    private static readonly int Shards =
        int.TryParse(Environment.GetEnvironmentVariable("ROUNDTABLE_TEST_SHARDS"), out var n) && n is >= 1 and <= 8 ? n : 2;

    private readonly CollectionPerClassTestCollectionFactory _default = new(testAssembly, diagnosticMessageSink);
    private readonly ITypeInfo _definition = Reflector.Wrap(definition);
    private readonly Dictionary<int, ITestCollection> _shards = [];
    private readonly Dictionary<string, ITestCollection> _byClass = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _next;

    public string DisplayName => $"collection per class, '{sharedName}' in {Shards} shards";

    public ITestCollection Get(ITypeInfo testClass)
    {
        var named = testClass.GetCustomAttributes(typeof(CollectionAttribute)).SingleOrDefault()?.GetConstructorArguments().FirstOrDefault() as string;
        if (named != sharedName)
        {
            return _default.Get(testClass);
        }
        lock (_lock)
        {
            if (_byClass.TryGetValue(testClass.Name, out var known))
            {
                return known;
            }
            // Dealt in discovery order, which is the same from run to run.
            var shard = _next++ % Shards;
            if (!_shards.TryGetValue(shard, out var collection))
            {
                collection = new TestCollection(testAssembly, _definition, $"Test collection for {sharedName} #{shard + 1}");
                _shards.Add(shard, collection);
            }
            _byClass.Add(testClass.Name, collection);
            return collection;
        }
    }
}

