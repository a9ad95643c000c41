namespace Jsonata.Engine;

/// <summary>
/// The error catalogue: every error the engine raises, one method each, with the code and message of jsonata-js
/// (S = syntax, T = type, D = dynamic; U0001 and U1001 are this engine's own). Throw sites write
/// <c>throw Errors.Name(...)</c>; position and token say where the error is, when the site knows.
/// </summary>
internal static class Errors
{
    /// <summary>Code for a feature this engine does not implement (not a jsonata-js code).</summary>
    public const string UnsupportedCode = "U0001";

    // Lexer (S01xx)
    public static JsonataException UnterminatedString(int position) =>
        new("S0101", "String literal must be terminated by a matching quote", position);

    public static JsonataException NumberLiteralOutOfRange(string text, int position) =>
        new("S0102", "Number out of range: " + text, position, text);

    public static JsonataException UnsupportedEscape(char c, int position) =>
        new("S0103", "Unsupported escape sequence: \\" + c, position, c.ToString());

    public static JsonataException BadUnicodeEscape(int position) =>
        new("S0104", "The escape sequence \\u must be followed by 4 hex digits", position);

    public static JsonataException UnterminatedQuotedName(int position) =>
        new("S0105", "Quoted property name must be terminated with a backquote (`)", position);

    public static JsonataException UnterminatedComment(int position) =>
        new("S0106", "Comment has no closing tag", position);

    // Parser (S02xx)
    public static JsonataException SyntaxError(string described, int position, string? token) =>
        new("S0201", "Syntax error: " + described, position, token);

    public static JsonataException Expected(string id, string described, int position, string? token) =>
        new("S0202", $"Expected \"{id}\", got {described}", position, token);

    public static JsonataException ExpectedBeforeEnd(string id, int position, string? token) =>
        new("S0203", $"Expected \"{id}\" before end of expression", position, token);

    public static JsonataException UnknownOperator(string op, int position) =>
        new("S0204", "Unknown operator: \"" + op + "\"", position, op);

    public static JsonataException UnknownExpressionType(object? value, int position) =>
        new("S0206", "Unknown expression type: " + value, position, value as string);

    public static JsonataException UnexpectedEnd(int position) =>
        new("S0207", "Unexpected end of expression", position);

    public static JsonataException ParameterNotVariable(int index, int position, string? token) =>
        new("S0208", $"Parameter {index + 1} of function definition must be a variable name (start with $)", position, token);

    public static JsonataException PredicateAfterGroup(int position) =>
        new("S0209", "A predicate cannot follow a grouping expression in a step", position);

    public static JsonataException SecondGroup(int position) =>
        new("S0210", "Each step can only have one grouping expression", position);

    public static JsonataException NotUnary(string op, int position) =>
        new("S0211", $"The symbol \"{op}\" cannot be used as a unary operator", position, op);

    public static JsonataException AssignToNonVariable(int position, string? token) =>
        new("S0212", "The left side of := must be a variable name (start with $)", position, token);

    public static JsonataException LiteralStep(object? value, int position) =>
        new("S0213", "The literal value " + value + " cannot be used as a step within a path expression", position, value?.ToString());

    public static JsonataException BindToNonVariable(string op, int position) =>
        new("S0214", $"The right side of {op} must be a variable name (start with $)", position, op);

    public static JsonataException ContextBindingAfterPredicate(int position) =>
        new("S0215", "A context variable binding must precede any predicates on a step", position);

    public static JsonataException ContextBindingAfterOrderBy(int position) =>
        new("S0216", "A context variable binding must precede the 'order-by' clause on a step", position);

    public static JsonataException ParentNotDerivable(int position, string token) =>
        new("S0217", "The object representing the 'parent' cannot be derived from this expression", position, token);

    // Regular expressions (S03xx)
    public static JsonataException EmptyRegex(int position) =>
        new("S0301", "Empty regular expressions are not allowed", position);

    public static JsonataException UnterminatedRegex(int position) =>
        new("S0302", "No terminating / in regular expression", position);

    public static JsonataException InvalidRegex(string reason, int position) =>
        new("S0303", "Invalid regular expression: " + reason, position);

    // Signatures (S04xx, T041x)
    public static JsonataException TypeParameterNotAllowed(int position) =>
        new("S0401", "Type parameters can only be applied to functions and arrays", position);

    public static JsonataException ParameterizedChoice(int position) =>
        new("S0402", "Choice groups containing parameterized types are not supported", position);

    public static JsonataException ArgumentMismatch(int index) =>
        new("T0410", $"Argument {index + 1} of function does not match function signature");

    public static JsonataException ReplacementNotString() =>
        new("T0410", "Argument 3 of function $replace must be a string when the pattern is a string");

    public static JsonataException ContextMismatch(int index) =>
        new("T0411", $"Context value is not a compatible type with argument {index + 1} of function");

    public static JsonataException ArrayElementMismatch(int index, string typeName) =>
        new("T0412", $"Argument {index + 1} of function must be an array of {typeName}");

    // Function calls (T10xx)
    public static JsonataException KeyNotString(string key, int position) =>
        new("T1003", "Key in object structure must evaluate to a string; got: " + key, position);

    public static JsonataException InvokeNonFunctionNamed(string procName, int position) =>
        new("T1005", $"Attempted to invoke a non-function. Did you mean ${procName}?", position, procName);

    public static JsonataException InvokeNonFunction() =>
        new("T1006", "Attempted to invoke a non-function");

    public static JsonataException PartialNonFunctionNamed(string procName, int position) =>
        new("T1007", $"Attempted to partially apply a non-function. Did you mean ${procName}?", position, procName);

    public static JsonataException PartialNonFunction(int position, string? procName) =>
        new("T1008", "Attempted to partially apply a non-function", position, procName);

    public static JsonataException BadMatcherResult(string function) =>
        new("T1010", $"The matcher function argument passed to function {function} does not return the correct object structure");

    // Operators (T20xx)
    public static JsonataException LeftNotNumber(string op) =>
        new("T2001", $"The left side of the \"{op}\" operator must evaluate to a number");

    public static JsonataException RightNotNumber(string op) =>
        new("T2002", $"The right side of the \"{op}\" operator must evaluate to a number");

    public static JsonataException RangeStartNotInteger() =>
        new("T2003", "The left side of the range operator (..) must evaluate to an integer");

    public static JsonataException RangeEndNotInteger() =>
        new("T2004", "The right side of the range operator (..) must evaluate to an integer");

    public static JsonataException ApplyNonFunction(int position) =>
        new("T2006", "The right side of the function application operator ~> must be a function", position, "~>");

    public static JsonataException OrderByTypeMismatch(int position) =>
        new("T2007", "Type mismatch within order-by clause. All values must be of the same type", position);

    public static JsonataException OrderByNotComparable(int position) =>
        new("T2008", "The expressions within an order-by clause must evaluate to numeric or string values", position);

    public static JsonataException ComparedTypesDiffer(string lhs, string rhs, string op) =>
        new("T2009", $"The values {lhs} and {rhs} either side of operator \"{op}\" must be of the same data type");

    public static JsonataException NotComparable(string op) =>
        new("T2010", $"The expressions either side of operator \"{op}\" must evaluate to numeric or string values");

    public static JsonataException TransformUpdateNotObject(string update, int position) =>
        new("T2011", "The insert/update clause of the transform expression must evaluate to an object: " + update, position);

    public static JsonataException TransformDeleteNotStrings(string deletions, int position) =>
        new("T2012", "The delete clause of the transform expression must evaluate to a string or array of strings: " + deletions, position);

    // Evaluation (D1xxx, D2xxx)
    public static JsonataException UnsupportedValue(Type type) =>
        new("D1001", "Unsupported value of type " + type.Name);

    public static JsonataException NumberOutOfRange(string number) =>
        new("D1001", "Number out of range: " + number);

    public static JsonataException NegateNonNumber(string value, int position) =>
        new("D1002", "Cannot negate a non-numeric value: " + value, position, "-");

    public static JsonataException ZeroLengthMatch(int position, string source) =>
        new("D1004", "Regular expression matches zero length string", position, source);

    public static JsonataException DuplicateGroupKey(string key, int position) =>
        new("D1009", "Multiple key definitions evaluate to same key: " + key, position);

    public static JsonataException RangeTooLarge(string size) =>
        new("D2014", "The size of the sequence allocated by the range operator (..) must not exceed 1e7. Attempted to allocate " + size);

    // Functions (D3xxx)
    public static JsonataException StringOfNonFinite() =>
        new("D3001", "Attempting to invoke string function on Infinity or NaN");

    public static JsonataException ReplaceEmptyPattern() =>
        new("D3010", "Second argument of replace function cannot be an empty string");

    public static JsonataException ReplaceLimitNegative() =>
        new("D3011", "Fourth argument of replace function must evaluate to a positive number");

    public static JsonataException ReplacementResultNotString() =>
        new("D3012", "Attempted to replace a matched string with a non-string value");

    public static JsonataException SplitLimitNegative() =>
        new("D3020", "Third argument of split function must evaluate to a positive number");

    public static JsonataException NotANumber(string value) =>
        new("D3030", "Unable to cast value to a number: " + value);

    public static JsonataException MatchLimitNegative() =>
        new("D3040", "Third argument of match function must evaluate to a positive number");

    public static JsonataException ReduceCallbackArity() =>
        new("D3050", "The second argument of reduce function must be a function with at least two arguments");

    public static JsonataException SqrtOfNegative(string number) =>
        new("D3060", "The sqrt function cannot be applied to a negative number: " + number);

    public static JsonataException PowerOutOfRange() =>
        new("D3061", "The power function has resulted in a value that cannot be represented as a JSON number");

    public static JsonataException SortNeedsComparator() =>
        new("D3070", "The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function");

    public static JsonataException TwoPatternSeparators() =>
        new("D3080", "The sub-picture must not contain more than one instance of the 'pattern-separator' character");

    /// <summary>D3081–D3093: the code says which rule of the $formatNumber picture is broken.</summary>
    public static JsonataException InvalidNumberPicture(string code, string subPicture) =>
        new(code, "Invalid picture string for $formatNumber: " + subPicture);

    public static JsonataException RadixOutOfRange(int radix) =>
        new("D3100", "The radix of the formatBase function must be between 2 and 36. It was given " + radix);

    public static JsonataException MillisOutOfRange(string millis) =>
        new("D3110", "The millisecond value is outside the supported date range: " + millis);

    public static JsonataException InvalidTimestamp(string timestamp) =>
        new("D3110", $"The timestamp \"{timestamp}\" is not a valid ISO 8601 date/time");

    public static JsonataException EvalSyntaxError(string detail) =>
        new("D3120", "Syntax error in expression passed to function eval: " + detail);

    public static JsonataException EvalError(string detail) =>
        new("D3121", "Dynamic error evaluating the expression passed to function eval: " + detail);

    public static JsonataException IntegerPictureUnsupported(string picture) =>
        new("D3130", $"Formatting or parsing an integer as a sequence starting with \"{picture}\" is not supported by this implementation");

    public static JsonataException MixedDecimalGroups() =>
        new("D3131", "In a decimal digit pattern, all digits must be from the same decimal group");

    public static JsonataException ErrorFunction(string? message) =>
        new("D3137", message ?? "$error() function evaluated");

    public static JsonataException SingleMatchedMore() =>
        new("D3138", "The $single() function expected exactly 1 matching result.  Instead it matched more.");

    public static JsonataException SingleMatchedNone() =>
        new("D3139", "The $single() function expected exactly 1 matching result.  Instead it matched 0.");

    public static JsonataException MalformedUrlToEncode() =>
        new("D3140", "Malformed URL passed to encode function");

    public static JsonataException MalformedUrl(string function, string url) =>
        new("D3140", $"Malformed URL passed to ${function}(): \"{url}\"");

    public static JsonataException AssertFailed(string? message) =>
        new("D3141", message ?? "$assert() statement failed");

    public static JsonataException NoEvaluationState() =>
        new("D0000", "No evaluation state");

    // This engine's own (U)
    public static JsonataException PictureUnsupported(string function) =>
        new(UnsupportedCode, function + " with a picture string is not supported by this JSONata engine");

    public static JsonataException UnsupportedExpression(object type, int position) =>
        new(UnsupportedCode, "Unsupported expression: " + type, position);

    public static JsonataException UnsupportedOperator(string op, int position) =>
        new(UnsupportedCode, "Unsupported operator " + op, position, op);

    public static JsonataException UnsupportedUnaryOperator(string op, int position) =>
        new(UnsupportedCode, "Unsupported unary operator " + op, position, op);

    public static JsonataException StackOverflow(int position) =>
        new("U1001", "Stack overflow error: check for non-terminating recursive function; consider rewriting as tail-recursive", position);

    public static JsonataException Timeout(int position) =>
        new("U1001", "Expression evaluation timeout: check for infinite loop", position);
}
