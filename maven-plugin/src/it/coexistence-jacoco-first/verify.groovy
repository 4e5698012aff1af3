// The checks are shared with the other JaCoCo order: ../coexistence-jacoco.groovy.
evaluate(new File(itDir, 'coexistence-jacoco.groovy'))
