//! `model.safetensors` → f32 tensors by name. Weights are stored small (f16, or int8 with
//! a scale per row) to keep the download small, and widened once here: the f32 kernels
//! are the fast ones, natively and in wasm (see ../shared/TOOLCHAIN.md).
//!
//! This is most of the learned tier's cold start (its synchronous part, on the
//! background's thread), so each value is written once into a buffer of its final size
//! and the layout the model keeps: no vector grown piece by piece, no strided copy after.
//! And the largest matrix, the word embeddings (three fifths of the weights), is not
//! widened at all: kept as stored ([`Rows`]), it is widened a row at a time as a batch
//! looks its tokens up.

use std::collections::HashMap;

use candle_core::{Device, Tensor};
use safetensors::{Dtype, SafeTensors};

use crate::config::Storage;
use crate::error::{candle_message, LoadError, ModelFile};

/// The suffix of an int8 matrix's per-row scales.
const SCALE: &str = ".scale";

/// How the model keeps a stored matrix (see [`read`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    /// Widened to f32 as stored.
    Widened,
    /// Widened to f32 and transposed: stored `[out, in]`, kept `[in, out]`.
    Transposed,
    /// Kept as stored, rows widened when looked up ([`Rows`]).
    Rows,
}

/// The weights as the model keeps them: f32 tensors by name, and the matrices kept as
/// stored ([`Layout::Rows`]).
pub struct Weights {
    pub tensors: HashMap<String, Tensor>,
    pub rows: HashMap<String, Rows>,
}

/// Every tensor in `bytes`, checked against the storage the config announces, widened
/// to f32 (the `.scale` companions are folded into their matrices) or kept as stored as
/// `layout(name)` says (a vector is always widened). Int8 storage may keep a matrix F16:
/// the export does so where int8 would cost accuracy (an outlier weight makes a row's
/// scale too coarse).
pub fn read(
    bytes: &[u8],
    storage: Storage,
    layout: impl Fn(&str) -> Layout,
) -> Result<Weights, LoadError> {
    let err = |m: String| LoadError::new(ModelFile::Weights, m);
    let file = SafeTensors::deserialize(bytes)
        .map_err(|e| err(format!("not a readable safetensors file (truncated?): {e}")))?;
    let mut weights = Weights {
        tensors: HashMap::new(),
        rows: HashMap::new(),
    };
    for (name, view) in file.tensors() {
        if storage == Storage::Int8 && name.ends_with(SCALE) {
            continue; // read with its matrix
        }
        let mut shape = view.shape().to_vec();
        let layout = if shape.len() == 2 {
            layout(&name)
        } else {
            Layout::Widened
        };
        let stored = match (storage, view.dtype(), shape.len()) {
            (_, Dtype::F16, _) => Stored::F16(view.data().to_vec()),
            (Storage::Int8, Dtype::I8, 2) => Stored::Int8 {
                scale: scales(&file, &name, shape[0])?,
                data: view.data().to_vec(),
            },
            (_, dtype, rank) => {
                let expected = match (storage, rank) {
                    (Storage::Int8, 2) => "I8 (with a .scale per row) or F16",
                    _ => "F16",
                };
                return Err(err(format!(
                    "tensor {name} {shape:?} is stored as {dtype:?}; storage {storage:?} in config.json wants {expected}"
                )));
            }
        };
        if layout == Layout::Rows {
            let (rows, columns) = (shape[0], shape[1]);
            weights.rows.insert(
                name,
                Rows {
                    stored,
                    rows,
                    columns,
                },
            );
            continue;
        }
        let values = if let (&[rows, columns], Layout::Transposed) = (shape.as_slice(), layout) {
            shape = vec![columns, rows];
            stored.widen_transposed(rows, columns)
        } else {
            stored.widen(shape.last().copied().unwrap_or(1))
        };
        let tensor = Tensor::from_vec(values, shape.as_slice(), &Device::Cpu)
            .map_err(|e| err(format!("tensor {name}: {}", candle_message(&e))))?;
        weights.tensors.insert(name, tensor);
    }
    Ok(weights)
}

/// A tensor's values as stored: little-endian f16 bytes, or int8 rows with a scale each.
/// (Bytes: the file's buffer need not be aligned.)
enum Stored {
    F16(Vec<u8>),
    Int8 { data: Vec<u8>, scale: Vec<f32> },
}

impl Stored {
    /// All the values as f32 (`columns`: the length of a row).
    fn widen(&self, columns: usize) -> Vec<f32> {
        match self {
            Stored::F16(data) => widen_f16(data),
            Stored::Int8 { data, scale } => dequantise(data, scale, columns),
        }
    }

    /// The `[columns, rows]` transpose of this `[rows, columns]` matrix as f32, widened
    /// straight into place a tile at a time, so that both the rows read and the rows
    /// written stay in cache (candle's strided copy of a transposed view, after widening,
    /// took a third of the load in wasm).
    fn widen_transposed(&self, rows: usize, columns: usize) -> Vec<f32> {
        const TILE: usize = 32;
        let mut out = vec![0.0; rows * columns];
        for r0 in (0..rows).step_by(TILE) {
            for c0 in (0..columns).step_by(TILE) {
                for r in r0..(r0 + TILE).min(rows) {
                    let from = r * columns;
                    for c in c0..(c0 + TILE).min(columns) {
                        out[c * rows + r] = match self {
                            Stored::F16(data) => f16_at(data, from + c),
                            Stored::Int8 { data, scale } => {
                                f32::from(data[from + c] as i8) * scale[r]
                            }
                        };
                    }
                }
            }
        }
        out
    }
}

/// Value `i` of little-endian F16 bytes.
fn f16_at(data: &[u8], i: usize) -> f32 {
    half::f16::from_le_bytes([data[2 * i], data[2 * i + 1]]).to_f32()
}

/// A matrix kept as stored, whose rows are widened to f32 when looked up.
pub struct Rows {
    stored: Stored,
    rows: usize,
    columns: usize,
}

impl Rows {
    /// `[rows, columns]`.
    pub fn shape(&self) -> (usize, usize) {
        (self.rows, self.columns)
    }

    /// Rows `ids`, widened, as an f32 `[ids.len(), columns]` tensor.
    pub fn lookup(&self, ids: &[u32]) -> candle_core::Result<Tensor> {
        let c = self.columns;
        let mut values = Vec::with_capacity(ids.len() * c);
        for &id in ids {
            let row = id as usize;
            if row >= self.rows {
                candle_core::bail!("row {row} of a [{}, {c}] matrix", self.rows);
            }
            match &self.stored {
                Stored::F16(data) => {
                    values.extend(widen_f16(&data[row * c * 2..(row + 1) * c * 2]))
                }
                Stored::Int8 { data, scale } => values.extend(dequantise(
                    &data[row * c..(row + 1) * c],
                    &scale[row..=row],
                    c,
                )),
            }
        }
        Tensor::from_vec(values, (ids.len(), c), &Device::Cpu)
    }
}

/// The F32 row scales of the int8 matrix `name` with `rows` rows.
fn scales(file: &SafeTensors<'_>, name: &str, rows: usize) -> Result<Vec<f32>, LoadError> {
    let err = |m: String| LoadError::new(ModelFile::Weights, m);
    let scale_name = format!("{name}{SCALE}");
    let view = file
        .tensor(&scale_name)
        .map_err(|_| err(format!("int8 matrix {name} has no {scale_name}")))?;
    if view.dtype() != Dtype::F32 || view.shape() != [rows] {
        return Err(err(format!(
            "{scale_name} is {:?} {:?}; expected F32 [{rows}] (one scale per row)",
            view.dtype(),
            view.shape()
        )));
    }
    Ok(view
        .data()
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect())
}

/// Little-endian F16 bytes to f32 (byte by byte: the buffer need not be aligned).
fn widen_f16(data: &[u8]) -> Vec<f32> {
    data.chunks_exact(2)
        .map(|b| half::f16::from_le_bytes([b[0], b[1]]).to_f32())
        .collect()
}

/// Per-row symmetric int8: value = q * scale[row]. (Written into a buffer of the final
/// size: collecting a `flat_map` grows the vector step by step, which cost a tenth of the
/// load in wasm.)
fn dequantise(data: &[u8], scale: &[f32], columns: usize) -> Vec<f32> {
    let mut values = Vec::with_capacity(data.len());
    for (row, &s) in data.chunks_exact(columns.max(1)).zip(scale) {
        values.extend(row.iter().map(|&q| f32::from(q as i8) * s));
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dequantises_per_row() {
        let q = [1i8, -2, 127, -127].map(|v| v as u8);
        assert_eq!(dequantise(&q, &[0.5, 2.0], 2), [0.5, -1.0, 254.0, -254.0]);
    }

    #[test]
    fn widens_f16() {
        let bytes: Vec<u8> = [1.5f32, -0.25]
            .iter()
            .flat_map(|&v| half::f16::from_f32(v).to_le_bytes())
            .collect();
        assert_eq!(widen_f16(&bytes), [1.5, -0.25]);
    }

    #[test]
    fn looks_rows_up_widened() {
        let q = [1i8, -2, 127, -127, 4, 6].map(|v| v as u8);
        let rows = Rows {
            stored: Stored::Int8 {
                data: q.to_vec(),
                scale: vec![0.5, 2.0, 1.0],
            },
            rows: 3,
            columns: 2,
        };
        let looked = rows.lookup(&[2, 0, 2]).unwrap().to_vec2::<f32>().unwrap();
        assert_eq!(looked, [[4.0, 6.0], [0.5, -1.0], [4.0, 6.0]]);
        assert!(rows.lookup(&[3]).is_err());
    }

    #[test]
    fn widens_transposed() {
        let q = [1i8, 2, 3, 4, 5, 6].map(|v| v as u8); // [2, 3]
        let int8 = Stored::Int8 {
            data: q.to_vec(),
            scale: vec![1.0, 0.5],
        };
        assert_eq!(int8.widen_transposed(2, 3), [1.0, 2.0, 2.0, 2.5, 3.0, 3.0]);
        let f16: Vec<u8> = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0]
            .iter()
            .flat_map(|&v| half::f16::from_f32(v).to_le_bytes())
            .collect();
        assert_eq!(
            Stored::F16(f16).widen_transposed(2, 3),
            [1.0, 4.0, 2.0, 5.0, 3.0, 6.0]
        );
    }
}
