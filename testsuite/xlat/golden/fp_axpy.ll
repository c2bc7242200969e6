define hidden range(i32 4, 10) i32 @fvp_100b0_fp_axpy(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %3, align 8, !tbaa !5
  %4 = getelementptr inbounds i8, ptr %cpu, i64 96
  %x12 = load i64, ptr %4, align 8, !tbaa !5
  %5 = getelementptr inbounds i8, ptr %cpu, i64 336
  %f1068 = load double, ptr %5, align 8, !tbaa !5
  %6 = getelementptr inbounds i8, ptr %cpu, i64 360
  %f13 = load i64, ptr %6, align 8, !tbaa !5
  %7 = getelementptr inbounds i8, ptr %cpu, i64 368
  %f14 = load i64, ptr %7, align 8, !tbaa !5
  %8 = getelementptr inbounds i8, ptr %cpu, i64 376
  %f15 = load i64, ptr %8, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p28 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p28, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

b_100d0:                                          ; preds = %entry.switch, %cont56
  %f13.slot.0 = phi i64 [ %ld38.lcssa, %cont56 ], [ %f13, %entry.switch ]
  %f15.slot.0 = phi i64 [ %32, %cont56 ], [ 0, %entry.switch ]
  %instret.slot.1 = phi i64 [ %instret.n60, %cont56 ], [ %instret.n31, %entry.switch ]
  %9 = bitcast i64 %f15.slot.0 to double
  %fcvt = tail call i32 @llvm.fptosi.sat.i32.f64(double %9)
  %10 = and i64 %f15.slot.0, 9223372036854775807
  %isnan62 = icmp ugt i64 %10, 9218868437227405312
  %11 = sext i32 %fcvt to i64
  %12 = select i1 %isnan62, i64 2147483647, i64 %11
  %olt = fcmp olt double %9, 0.000000e+00
  %13 = zext i1 %olt to i64
  %14 = add nsw i64 %12, %13
  %15 = and i64 %x1, -2
  br label %exit

exit:                                             ; preds = %start, %b_100d0
  %f13.slot.1 = phi i64 [ %f13.slot.0, %b_100d0 ], [ %f13, %start ]
  %f14.slot.0 = phi i64 [ 0, %b_100d0 ], [ %f14, %start ]
  %x12.slot.2 = phi i64 [ 0, %b_100d0 ], [ %x12, %start ]
  %x11.slot.1 = phi i64 [ %13, %b_100d0 ], [ %x11, %start ]
  %x10.slot.1 = phi i64 [ %14, %b_100d0 ], [ %x10, %start ]
  %f15.slot.1 = phi i64 [ %f15.slot.0, %b_100d0 ], [ %f15, %start ]
  %instret.slot.2 = phi i64 [ %instret.slot.1, %b_100d0 ], [ %instret, %start ]
  %exit.pc = phi i64 [ %15, %b_100d0 ], [ %pc, %start ]
  %exit.reason = phi i32 [ 4, %b_100d0 ], [ 9, %start ]
  %exit.count = phi i64 [ 5, %b_100d0 ], [ 0, %start ]
  %instret.n = add i64 %exit.count, %instret.slot.2
  store i64 %instret.n, ptr %0, align 8, !tbaa !5
  store i64 %x10.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.1, ptr %3, align 8, !tbaa !5
  store i64 %x12.slot.2, ptr %4, align 8, !tbaa !5
  store i64 %f13.slot.1, ptr %6, align 8, !tbaa !5
  store i64 %f14.slot.0, ptr %7, align 8, !tbaa !5
  store i64 %f15.slot.1, ptr %8, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p28, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %16 = icmp eq i64 %x12, 0
  %instret.n31 = add i64 %instret, 2
  br i1 %16, label %b_100d0, label %cont

cont:                                             ; preds = %entry.switch
  %clamp70 = tail call i64 @llvm.umin.i64(i64 %x11, i64 274877906944)
  %host71 = getelementptr i8, ptr %mem_base, i64 %clamp70
  %ld6972 = load double, ptr %host71, align 1, !tbaa !8
  %clamp3673 = tail call i64 @llvm.umin.i64(i64 %x10, i64 274877906944)
  %host3774 = getelementptr i8, ptr %mem_base, i64 %clamp3673
  %ld3875 = load i64, ptr %host3774, align 1, !tbaa !8
  %fmul76 = fmul double %f1068, %ld6972
  %17 = bitcast i64 %ld3875 to double
  %fadd77 = fadd double %fmul76, %17
  %isnan4378 = fcmp uno double %fadd77, 0.000000e+00
  %canon4479 = select i1 %isnan4378, double 0x7FF8000000000000, double %fadd77, !fvp.canon !10
  store double %canon4479, ptr %host3774, align 1, !tbaa !8
  %18 = add i64 %x12, -1
  %.not80 = icmp eq i64 %18, 0
  br i1 %.not80, label %cont56, label %taken55.preheader

taken55.preheader:                                ; preds = %cont
  %19 = mul i64 %x12, 10
  %20 = add i64 %instret, %19
  br label %taken55

taken55:                                          ; preds = %taken55.preheader, %taken55
  %21 = phi i64 [ %25, %taken55 ], [ %18, %taken55.preheader ]
  %x10.slot.082 = phi i64 [ %23, %taken55 ], [ %x10, %taken55.preheader ]
  %x11.slot.081 = phi i64 [ %22, %taken55 ], [ %x11, %taken55.preheader ]
  %22 = add i64 %x11.slot.081, 8
  %23 = add i64 %x10.slot.082, 8
  %clamp = tail call i64 @llvm.umin.i64(i64 %22, i64 274877906944)
  %host = getelementptr i8, ptr %mem_base, i64 %clamp
  %ld69 = load double, ptr %host, align 1, !tbaa !8
  %clamp36 = tail call i64 @llvm.umin.i64(i64 %23, i64 274877906944)
  %host37 = getelementptr i8, ptr %mem_base, i64 %clamp36
  %ld38 = load i64, ptr %host37, align 1, !tbaa !8
  %fmul = fmul double %f1068, %ld69
  %24 = bitcast i64 %ld38 to double
  %fadd = fadd double %fmul, %24
  %isnan43 = fcmp uno double %fadd, 0.000000e+00
  %canon44 = select i1 %isnan43, double 0x7FF8000000000000, double %fadd, !fvp.canon !10
  store double %canon44, ptr %host37, align 1, !tbaa !8
  %25 = add i64 %21, -1
  %.not = icmp eq i64 %25, 0
  br i1 %.not, label %cont56.loopexit, label %taken55

cont56.loopexit:                                  ; preds = %taken55
  %26 = add i64 %20, -8
  br label %cont56

cont56:                                           ; preds = %cont56.loopexit, %cont
  %instret.slot.0.lcssa = phi i64 [ %instret.n31, %cont ], [ %26, %cont56.loopexit ]
  %ld38.lcssa = phi i64 [ %ld3875, %cont ], [ %ld38, %cont56.loopexit ]
  %fadd.lcssa = phi double [ %fadd77, %cont ], [ %fadd, %cont56.loopexit ]
  %isnan43.lcssa = phi i1 [ %isnan4378, %cont ], [ %isnan43, %cont56.loopexit ]
  %canon44.lcssa = phi double [ %canon4479, %cont ], [ %canon44, %cont56.loopexit ]
  %27 = tail call double @llvm.fabs.f64(double %fadd.lcssa)
  %28 = bitcast double %27 to i64
  %29 = select i1 %isnan43.lcssa, i64 9221120237041090560, i64 %28
  %30 = bitcast double %canon44.lcssa to i64
  %31 = and i64 %30, -9223372036854775808
  %32 = or disjoint i64 %31, %29
  %instret.n60 = add i64 %instret.slot.0.lcssa, 10
  br label %b_100d0
}
