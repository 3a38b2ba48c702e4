//! The JMESPath subset of `operationContextParams`: the paths that give an endpoint
//! parameter from an operation's input, such as DynamoDB's `keys(RequestItems)` or
//! `TransactItems[*].[Put.TableName, Delete.TableName][]`.
//!
//! Fields (`a.b`), projections (`[*]`), flattening (`[]`), multi-select lists
//! (`[a, b]`) and `keys(...)`; anything else is an error when the path is compiled.
//! Evaluation walks the path, never the data's depth.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Field(String),
    Project,
    Flatten,
    MultiList(Vec<Vec<Step>>),
    Keys(Vec<Step>),
}

/// A path longer than this is not one the models write.
const MAX_NESTING: usize = 8;

/// Evaluates `path` over `input`; `Err` names what the subset does not cover.
pub(crate) fn search(path: &str, input: &Value) -> Result<Value, String> {
    let mut parser = Parser {
        rest: path.trim(),
        path,
        nesting: 0,
    };
    let steps = parser.expression()?;
    if !parser.rest.is_empty() {
        return Err(parser.unsupported());
    }
    Ok(eval(&steps, input))
}

struct Parser<'a> {
    rest: &'a str,
    path: &'a str,
    nesting: usize,
}

impl Parser<'_> {
    fn unsupported(&self) -> String {
        format!(
            "the JMESPath {:?} is outside the subset awsjson evaluates (at {:?})",
            self.path, self.rest
        )
    }

    fn eat(&mut self, token: &str) -> bool {
        let rest = self.rest.trim_start();
        match rest.strip_prefix(token) {
            Some(after) => {
                self.rest = after;
                true
            }
            None => false,
        }
    }

    fn identifier(&mut self) -> Option<String> {
        let rest = self.rest.trim_start();
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 || rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        self.rest = &rest[end..];
        Some(rest[..end].to_owned())
    }

    fn expression(&mut self) -> Result<Vec<Step>, String> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(self.unsupported());
        }
        let mut steps = Vec::new();
        if self.eat("keys(") {
            let inner = self.expression()?;
            if !self.eat(")") {
                return Err(self.unsupported());
            }
            steps.push(Step::Keys(inner));
        } else if self.rest.trim_start().starts_with('[') && !self.is_bracket_suffix() {
            steps.push(self.multi_list()?);
        } else {
            steps.push(Step::Field(
                self.identifier().ok_or_else(|| self.unsupported())?,
            ));
        }
        loop {
            if self.eat("[*]") {
                steps.push(Step::Project);
            } else if self.eat("[]") {
                steps.push(Step::Flatten);
            } else if self.rest.trim_start().starts_with(".[") {
                self.eat(".");
                steps.push(self.multi_list()?);
            } else if self.eat(".") {
                steps.push(Step::Field(
                    self.identifier().ok_or_else(|| self.unsupported())?,
                ));
            } else {
                break;
            }
        }
        self.nesting -= 1;
        Ok(steps)
    }

    fn is_bracket_suffix(&self) -> bool {
        let rest = self.rest.trim_start();
        rest.starts_with("[*]") || rest.starts_with("[]")
    }

    fn multi_list(&mut self) -> Result<Step, String> {
        if !self.eat("[") {
            return Err(self.unsupported());
        }
        let mut items = vec![self.expression()?];
        while self.eat(",") {
            items.push(self.expression()?);
        }
        if !self.eat("]") {
            return Err(self.unsupported());
        }
        Ok(Step::MultiList(items))
    }
}

fn eval(steps: &[Step], value: &Value) -> Value {
    let Some((step, rest)) = steps.split_first() else {
        return value.clone();
    };
    match step {
        Step::Field(name) => match value.get(name) {
            Some(v) => eval(rest, v),
            None => Value::Null,
        },
        // A projection runs to the next flatten, which applies to its result.
        Step::Project => {
            let end = rest
                .iter()
                .position(|s| *s == Step::Flatten)
                .unwrap_or(rest.len());
            match value {
                Value::Array(items) => eval(&rest[end..], &project(items.iter(), &rest[..end])),
                _ => Value::Null,
            }
        }
        Step::Flatten => {
            let end = rest
                .iter()
                .position(|s| *s == Step::Flatten)
                .unwrap_or(rest.len());
            match value {
                Value::Array(items) => eval(
                    &rest[end..],
                    &project(
                        items.iter().flat_map(|item| match item {
                            Value::Array(inner) => inner.iter().collect::<Vec<_>>(),
                            other => vec![other],
                        }),
                        &rest[..end],
                    ),
                ),
                _ => Value::Null,
            }
        }
        Step::MultiList(items) => {
            if value.is_null() {
                return Value::Null;
            }
            eval(
                rest,
                &Value::Array(items.iter().map(|item| eval(item, value)).collect()),
            )
        }
        Step::Keys(inner) => match eval(inner, value) {
            Value::Object(map) => eval(
                rest,
                &Value::Array(map.keys().cloned().map(Value::String).collect()),
            ),
            _ => Value::Null,
        },
    }
}

/// A projection: the rest of the path over each element, nulls dropped.
fn project<'a>(items: impl Iterator<Item = &'a Value>, rest: &[Step]) -> Value {
    Value::Array(
        items
            .map(|item| eval(rest, item))
            .filter(|v| !v.is_null())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dynamodb_paths() {
        let batch = json!({"RequestItems": {"a": {}, "arn:aws:dynamodb:us-east-1:1:table/b": {}}});
        assert_eq!(
            search("keys(RequestItems)", &batch).unwrap(),
            json!(["a", "arn:aws:dynamodb:us-east-1:1:table/b"])
        );
        let get =
            json!({"TransactItems": [{"Get": {"TableName": "x"}}, {"Get": {"TableName": "y"}}]});
        assert_eq!(
            search("TransactItems[*].Get.TableName", &get).unwrap(),
            json!(["x", "y"])
        );
        let write = json!({"TransactItems": [
            {"Put": {"TableName": "p"}},
            {"ConditionCheck": {"TableName": "c"}},
            {"Delete": {"TableName": "d"}}
        ]});
        assert_eq!(
            search(
                "TransactItems[*].[ConditionCheck.TableName, Put.TableName, Delete.TableName, Update.TableName][]",
                &write
            )
            .unwrap(),
            json!(["p", "c", "d"])
        );
        let import = json!({"TableCreationParameters": {"TableName": "t"}});
        assert_eq!(
            search("TableCreationParameters.TableName", &import).unwrap(),
            json!("t")
        );
        assert_eq!(search("Missing.TableName", &import).unwrap(), Value::Null);
    }

    #[test]
    fn outside_the_subset_is_an_error() {
        for path in ["a | b", "a[0]", "length(a)", "", "a.", "[a", "a[?b]"] {
            assert!(search(path, &json!({})).is_err(), "{path}");
        }
        let deep = format!("{}a{}", "[".repeat(20), "]".repeat(20));
        assert!(search(&deep, &json!({})).is_err());
    }
}
