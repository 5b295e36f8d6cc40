package seedscope

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/optimize"
)

// sparse is a row of a sparse feature matrix: ascending column indexes and their values.
type sparse struct {
	idx []int32
	val []float64
}

func (s sparse) dot(beta []float64) float64 {
	z := 0.0
	for k, j := range s.idx {
		z += s.val[k] * beta[j]
	}
	return z
}

// logReg is an L2-regularised logistic regression: P(y = 1 | x) = σ(x·β + b).
type logReg struct {
	beta []float64
	bias float64
}

// fitLogReg minimises the class-weighted, L2-penalised logistic loss
//
//	f(β, b) = Σ_i w_i ln(1 + exp(−s_i (x_i·β + b))) / Σ_i w_i  +  (λ/2) ‖β‖²,   s_i = ±1,
//
// with class weights w balancing the classes (each class's weights sum to 1/2 of the total)
// and λ = 1/n (scikit-learn's default C = 1 on the sum of the losses), by L-BFGS
// (gonum/optimize). The bias is not penalised. The gradient is
// Σ_i w_i (σ(z_i) − y_i) x_i / Σ w + λβ.
func fitLogReg(x []sparse, y []bool, dim int) (*logReg, error) {
	n := len(x)
	var npos int
	for _, v := range y {
		if v {
			npos++
		}
	}
	if npos == 0 || npos == n {
		return nil, fmt.Errorf("seedscope: training needs both classes (%d positive of %d)", npos, n)
	}
	w := make([]float64, n)
	for i, v := range y {
		if v {
			w[i] = 0.5 / float64(npos)
		} else {
			w[i] = 0.5 / float64(n-npos)
		}
	}
	lambda := 1 / float64(n)
	z := make([]float64, n)
	eval := func(p []float64, grad []float64) float64 {
		beta, b := p[:dim], p[dim]
		f := 0.0
		for i := range x {
			z[i] = x[i].dot(beta) + b
			s := -1.0
			if y[i] {
				s = 1
			}
			// ln(1 + e^−sz), computed stably.
			m := -s * z[i]
			if m > 0 {
				f += w[i] * (m + math.Log1p(math.Exp(-m)))
			} else {
				f += w[i] * math.Log1p(math.Exp(m))
			}
		}
		reg := 0.0
		for _, v := range beta {
			reg += v * v
		}
		f += lambda / 2 * reg
		if grad != nil {
			for j := range grad {
				grad[j] = 0
			}
			for i := range x {
				t := 0.0
				if y[i] {
					t = 1
				}
				g := w[i] * (sigmoid(z[i]) - t)
				for k, j := range x[i].idx {
					grad[j] += g * x[i].val[k]
				}
				grad[dim] += g
			}
			for j := 0; j < dim; j++ {
				grad[j] += lambda * beta[j]
			}
		}
		return f
	}
	prob := optimize.Problem{
		Func: func(p []float64) float64 { return eval(p, nil) },
		Grad: func(grad, p []float64) { eval(p, grad) },
	}
	init := make([]float64, dim+1)
	res, err := optimize.Minimize(prob, init, &optimize.Settings{GradientThreshold: 1e-6, MajorIterations: 500}, &optimize.LBFGS{})
	if err != nil && res == nil {
		return nil, fmt.Errorf("seedscope: logistic regression: %w", err)
	}
	if res.Status != optimize.GradientThreshold && res.Status != optimize.FunctionConvergence && res.Status != optimize.IterationLimit {
		if err != nil {
			return nil, fmt.Errorf("seedscope: logistic regression did not converge (%v): %w", res.Status, err)
		}
	}
	return &logReg{beta: res.X[:dim], bias: res.X[dim]}, nil
}

func (m *logReg) prob(x sparse) float64 { return sigmoid(x.dot(m.beta) + m.bias) }

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}
