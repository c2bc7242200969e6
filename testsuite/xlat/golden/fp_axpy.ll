define hidden range(i32 4, 10) i32 @fvp_100b0_fp_axpy(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 96
  %x12 = load i64, ptr %3, align 8, !tbaa !5
  %4 = getelementptr inbounds i8, ptr %cpu, i64 336
  %f1058 = load double, ptr %4, align 8, !tbaa !5
  %5 = getelementptr inbounds i8, ptr %cpu, i64 360
  %f13 = load i64, ptr %5, align 8, !tbaa !5
  %6 = getelementptr inbounds i8, ptr %cpu, i64 368
  %f14 = load i64, ptr %6, align 8, !tbaa !5
  %7 = getelementptr inbounds i8, ptr %cpu, i64 376
  %f15 = load i64, ptr %7, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p22 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p22, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !8

b_100b6:                                          ; preds = %b_100b6.preheader, %b_100b6
  %x12.slot.0 = phi i64 [ %11, %b_100b6 ], [ %x12.slot.0.ph, %b_100b6.preheader ]
  %x11.slot.0 = phi i64 [ %10, %b_100b6 ], [ %x11.slot.0.ph, %b_100b6.preheader ]
  %x10.slot.0 = phi i64 [ %9, %b_100b6 ], [ %x10.slot.0.ph, %b_100b6.preheader ]
  %iv.addr = sub i64 %x11.slot.0, %26
  %host = getelementptr i8, ptr %mem_base, i64 %iv.addr
  %ld59 = load double, ptr %host, align 1, !tbaa !9
  %iv.addr30 = sub i64 %x10.slot.0, %27
  %host31 = getelementptr i8, ptr %mem_base, i64 %iv.addr30
  %ld32 = load i64, ptr %host31, align 1, !tbaa !9
  %fmul = fmul double %f1058, %ld59
  %8 = bitcast i64 %ld32 to double
  %fadd = fadd double %fmul, %8
  %isnan37 = fcmp uno double %fadd, 0.000000e+00
  %canon38 = select i1 %isnan37, double 0x7FF8000000000000, double %fadd, !prof !11, !fvp.canon !12
  store double %canon38, ptr %host31, align 1, !tbaa !9
  %9 = add i64 %x10.slot.0, 8
  %10 = add i64 %x11.slot.0, 8
  %11 = add i64 %x12.slot.0, -1
  %.not = icmp eq i64 %11, 0
  br i1 %.not, label %b_100d0.loopexit, label %b_100b6, !llvm.loop !13

b_100d0.loopexit:                                 ; preds = %b_100b6, %middle.block
  %ld32.lcssa = phi i64 [ %55, %middle.block ], [ %ld32, %b_100b6 ]
  %fadd.lcssa = phi double [ %54, %middle.block ], [ %fadd, %b_100b6 ]
  %isnan37.lcssa = phi i1 [ %53, %middle.block ], [ %isnan37, %b_100b6 ]
  %canon38.lcssa = phi double [ %52, %middle.block ], [ %canon38, %b_100b6 ]
  %12 = bitcast double %canon38.lcssa to i64
  %13 = and i64 %12, -9223372036854775808
  %14 = tail call double @llvm.fabs.f64(double %fadd.lcssa)
  %15 = bitcast double %14 to i64
  %16 = select i1 %isnan37.lcssa, i64 9221120237041090560, i64 %15
  %17 = or disjoint i64 %13, %16
  br label %b_100d0

b_100d0:                                          ; preds = %b_100d0.loopexit, %entry.switch
  %f13.slot.0 = phi i64 [ %f13, %entry.switch ], [ %ld32.lcssa, %b_100d0.loopexit ]
  %f15.slot.0 = phi i64 [ 0, %entry.switch ], [ %17, %b_100d0.loopexit ]
  %18 = bitcast i64 %f15.slot.0 to double
  %fcvt = tail call i32 @llvm.fptosi.sat.i32.f64(double %18)
  %19 = and i64 %f15.slot.0, 9223372036854775807
  %isnan52 = icmp ugt i64 %19, 9218868437227405312
  %20 = sext i32 %fcvt to i64
  %21 = select i1 %isnan52, i64 2147483647, i64 %20
  %olt = fcmp olt double %18, 0.000000e+00
  %22 = zext i1 %olt to i64
  %23 = add nsw i64 %21, %22
  %24 = and i64 %x1, -2
  br label %exit

exit:                                             ; preds = %start, %b_100d0
  %f13.slot.1 = phi i64 [ %f13.slot.0, %b_100d0 ], [ %f13, %start ]
  %f14.slot.0 = phi i64 [ 0, %b_100d0 ], [ %f14, %start ]
  %x12.slot.2 = phi i64 [ 0, %b_100d0 ], [ %x12, %start ]
  %x11.slot.1 = phi i64 [ %22, %b_100d0 ], [ %x11, %start ]
  %x10.slot.1 = phi i64 [ %23, %b_100d0 ], [ %x10, %start ]
  %f15.slot.1 = phi i64 [ %f15.slot.0, %b_100d0 ], [ %f15, %start ]
  %exit.pc = phi i64 [ %24, %b_100d0 ], [ %pc, %start ]
  %exit.reason = phi i32 [ 4, %b_100d0 ], [ 9, %start ]
  store i64 %x10.slot.1, ptr %1, align 8, !tbaa !5
  store i64 %x11.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %x12.slot.2, ptr %3, align 8, !tbaa !5
  store i64 %f13.slot.1, ptr %5, align 8, !tbaa !5
  store i64 %f14.slot.0, ptr %6, align 8, !tbaa !5
  store i64 %f15.slot.1, ptr %7, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p22, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %25 = icmp eq i64 %x12, 0
  br i1 %25, label %b_100d0, label %cont

cont:                                             ; preds = %entry.switch
  %26 = tail call i64 @llvm.usub.sat.i64(i64 %x11, i64 274877911040)
  %27 = tail call i64 @llvm.usub.sat.i64(i64 %x10, i64 274877911040)
  %min.iters.check = icmp ult i64 %x12, 6
  br i1 %min.iters.check, label %b_100b6.preheader, label %vector.memcheck

b_100b6.preheader:                                ; preds = %middle.block, %vector.memcheck, %cont
  %x12.slot.0.ph = phi i64 [ %x12, %vector.memcheck ], [ %x12, %cont ], [ %ind.end, %middle.block ]
  %x11.slot.0.ph = phi i64 [ %x11, %vector.memcheck ], [ %x11, %cont ], [ %ind.end67, %middle.block ]
  %x10.slot.0.ph = phi i64 [ %x10, %vector.memcheck ], [ %x10, %cont ], [ %ind.end69, %middle.block ]
  br label %b_100b6

vector.memcheck:                                  ; preds = %cont
  %umin = tail call i64 @llvm.umin.i64(i64 %x10, i64 274877911040)
  %scevgep = getelementptr i8, ptr %mem_base, i64 %umin
  %28 = shl i64 %x12, 3
  %29 = getelementptr i8, ptr %mem_base, i64 %umin
  %scevgep63 = getelementptr i8, ptr %29, i64 %28
  %umin64 = tail call i64 @llvm.umin.i64(i64 %x11, i64 274877911040)
  %scevgep65 = getelementptr i8, ptr %mem_base, i64 %umin64
  %30 = getelementptr i8, ptr %mem_base, i64 %umin64
  %scevgep66 = getelementptr i8, ptr %30, i64 %28
  %bound0 = icmp ult ptr %scevgep, %scevgep66
  %bound1 = icmp ult ptr %scevgep65, %scevgep63
  %found.conflict = and i1 %bound0, %bound1
  br i1 %found.conflict, label %b_100b6.preheader, label %vector.ph

vector.ph:                                        ; preds = %vector.memcheck
  %n.vec = and i64 %x12, -4
  %ind.end = and i64 %x12, 3
  %31 = shl i64 %n.vec, 3
  %ind.end67 = add i64 %x11, %31
  %32 = shl i64 %n.vec, 3
  %ind.end69 = add i64 %x10, %32
  %broadcast.splatinsert = insertelement <2 x double> poison, double %f1058, i64 0
  %broadcast.splat = shufflevector <2 x double> %broadcast.splatinsert, <2 x double> poison, <2 x i32> zeroinitializer
  br label %vector.body

vector.body:                                      ; preds = %vector.body, %vector.ph
  %index = phi i64 [ 0, %vector.ph ], [ %index.next, %vector.body ]
  %33 = shl i64 %index, 3
  %offset.idx = add i64 %x11, %33
  %34 = shl i64 %index, 3
  %offset.idx71 = add i64 %x10, %34
  %35 = sub i64 %offset.idx, %26
  %36 = getelementptr i8, ptr %mem_base, i64 %35
  %37 = getelementptr i8, ptr %36, i64 16
  %wide.load = load <2 x double>, ptr %36, align 1, !tbaa !9, !alias.scope !15
  %wide.load72 = load <2 x double>, ptr %37, align 1, !tbaa !9, !alias.scope !15
  %38 = sub i64 %offset.idx71, %27
  %39 = getelementptr i8, ptr %mem_base, i64 %38
  %40 = getelementptr i8, ptr %39, i64 16
  %wide.load7375 = load <2 x double>, ptr %39, align 1, !tbaa !9, !alias.scope !18, !noalias !15
  %wide.load74 = load <2 x i64>, ptr %40, align 1, !tbaa !9, !alias.scope !18, !noalias !15
  %41 = fmul <2 x double> %broadcast.splat, %wide.load
  %42 = fmul <2 x double> %broadcast.splat, %wide.load72
  %43 = bitcast <2 x i64> %wide.load74 to <2 x double>
  %44 = fadd <2 x double> %41, %wide.load7375
  %45 = fadd <2 x double> %42, %43
  %46 = fcmp uno <2 x double> %44, zeroinitializer
  %47 = fcmp uno <2 x double> %45, zeroinitializer
  %48 = select <2 x i1> %46, <2 x double> <double 0x7FF8000000000000, double 0x7FF8000000000000>, <2 x double> %44
  %49 = select <2 x i1> %47, <2 x double> <double 0x7FF8000000000000, double 0x7FF8000000000000>, <2 x double> %45
  %50 = getelementptr i8, ptr %39, i64 16
  store <2 x double> %48, ptr %39, align 1, !tbaa !9, !alias.scope !18, !noalias !15
  store <2 x double> %49, ptr %50, align 1, !tbaa !9, !alias.scope !18, !noalias !15
  %index.next = add nuw i64 %index, 4
  %51 = icmp eq i64 %index.next, %n.vec
  br i1 %51, label %middle.block, label %vector.body, !llvm.loop !20

middle.block:                                     ; preds = %vector.body
  %52 = extractelement <2 x double> %49, i64 1
  %53 = extractelement <2 x i1> %47, i64 1
  %54 = extractelement <2 x double> %45, i64 1
  %55 = extractelement <2 x i64> %wide.load74, i64 1
  %cmp.n = icmp eq i64 %x12, %n.vec
  br i1 %cmp.n, label %b_100d0.loopexit, label %b_100b6.preheader
}
