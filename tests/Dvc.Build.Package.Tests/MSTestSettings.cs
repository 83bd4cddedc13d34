// Each test restores and builds real projects; two at a time suits a 2-core machine.
[assembly: Microsoft.VisualStudio.TestTools.UnitTesting.Parallelize(Workers = 2, Scope = Microsoft.VisualStudio.TestTools.UnitTesting.ExecutionScope.MethodLevel)]
